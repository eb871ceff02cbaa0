package dev.monitor.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A request we stopped waiting for (its deadline passed) fails later, when we close its connection; Mutiny
 * would log that failure, reported to a subscriber that is gone, as an ERROR on stderr. The server is already
 * reported, so it is logged only at DEBUG.
 */
@ApplicationScoped
class AbandonedRequests {

    private static final Logger LOG = Logger.getLogger(AbandonedRequests.class);

    void quietAfterCancellation(@Observes StartupEvent startup) {
        Infrastructure.setDroppedExceptionHandler(failure -> LOG.debugf("after its request was abandoned: %s", failure));
    }
}
