package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The Vert.x instance the REST client runs on, in the running application: an exception thrown on its event loop
 * (as the REST client throws "Result is already complete" when a broken answer fails its request twice) never
 * becomes an error line on stderr.
 */
@QuarkusTest
class AbandonedRequestsTest {

    @Inject
    Vertx vertx;

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void anExceptionOnTheEventLoopAfterItsRequestFailedIsNoErrorLine() throws Exception {
        List<LogRecord> published = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    published.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Context context = vertx.getOrCreateContext();
            CompletableFuture<Void> after = new CompletableFuture<>();
            context.runOnContext(ignored -> {
                throw new IllegalStateException("Result is already complete");
            });
            // Tasks of one context run in order: once this one ran, the exception above was handled.
            context.runOnContext(ignored -> after.complete(null));
            after.get(30, TimeUnit.SECONDS);
        } finally {
            root.removeHandler(capture);
        }

        assertThat(published).extracting(LogRecord::getMessage).isEmpty();
    }
}
