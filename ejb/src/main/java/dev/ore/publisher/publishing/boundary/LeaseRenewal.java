package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.publishing.control.HeldClaims;
import dev.ore.publisher.publishing.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code publisher.worker.lease-renewal} extends the leases of the distributions this node
 * is working on ({@link HeldClaims}) by a full {@code publisher.worker.lease}. A claim therefore
 * lasts as long as its work, however slow a platform is, while the rows of a node that died are
 * free for recovery one lease after its last renewal: with the defaults (lease 20 s, renewal
 * every 5 s, poll every 5 s) within 30 s of its death.
 */
@Singleton
@Startup
public class LeaseRenewal {

    static final String TIMER_NAME = "renew-leases";
    private static final Logger LOG = Logger.getLogger(LeaseRenewal.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Claims claims;

    @Inject
    HeldClaims held;

    @Inject
    NodeIdentity node;

    @Inject
    @ConfigProperty(name = "publisher.worker.lease")
    Duration lease;

    @Inject
    @ConfigProperty(name = "publisher.worker.lease-renewal")
    Duration renewal;

    @PostConstruct
    void schedule() {
        if (renewal.compareTo(lease.dividedBy(2)) > 0) {
            LOG.warning(() -> "publisher.worker.lease-renewal " + renewal + " is more than half the lease " + lease
                    + ": a slow renewal may let a live node's claims expire");
        }
        timers.createIntervalTimer(renewal.toMillis(), renewal.toMillis(), new TimerConfig(TIMER_NAME, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void renew() {
        Set<UUID> ids = held.snapshot();
        if (ids.isEmpty()) {
            return;
        }
        try {
            claims.renew(node.name(), ids, lease);
        } catch (RuntimeException e) {
            // The database is away; the leases run on, and the next renewal tries again.
            LOG.warning(() -> "Renewing " + ids.size() + " leases failed: " + e.getClass().getSimpleName());
        }
    }
}
