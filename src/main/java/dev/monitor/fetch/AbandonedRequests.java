package dev.monitor.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A request we stopped waiting for (its deadline passed, or its answer outgrew its cap) is cancelled, which
 * closes its connection; the REST client then still reports that closed connection to a subscriber that
 * is gone, and Mutiny would log it as an ERROR on stderr. The failure was our own doing and its server is
 * already reported, so it is logged only at DEBUG.
 */
@ApplicationScoped
class AbandonedRequests {

    private static final Logger LOG = Logger.getLogger(AbandonedRequests.class);

    void quietAfterCancellation(@Observes StartupEvent startup) {
        Infrastructure.setDroppedExceptionHandler(failure -> LOG.debugf("after its request was abandoned: %s", failure));
    }
}
