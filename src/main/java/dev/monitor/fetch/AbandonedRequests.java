package dev.monitor.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;

/**
 * A request we stopped waiting for (its deadline passed) fails later, when we close its connection; Mutiny
 * would log that failure, reported to a subscriber that is gone, as an ERROR on stderr. Likewise the REST client
 * has been seen to throw on the event loop ("Result is already complete") once a request with a broken chunked body
 * had already failed; Quarkus would log that as an ERROR with its stack trace. The server is already reported, so
 * both are logged only at DEBUG.
 */
@ApplicationScoped
class AbandonedRequests {

    private static final Logger LOG = Logger.getLogger(AbandonedRequests.class);

    void quietAfterCancellation(@Observes StartupEvent startup, Vertx vertx) {
        Infrastructure.setDroppedExceptionHandler(failure -> LOG.debugf("after its request was abandoned: %s", failure));
        vertx.exceptionHandler(failure -> LOG.debugf("after its request had failed: %s", failure));
    }
}
