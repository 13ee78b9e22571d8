package dev.ore.publisher.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distributions this node is working on right now: claimed and not yet settled. Their leases
 * are renewed ({@code LeaseRenewal}) for as long as they are here, so only what this node really
 * works on stays claimed; whatever a failed step leaves behind drops out and its lease runs out.
 * Holds are counted: a row settled by one partition and claimed again at once by another (a
 * retry due at once) stays held until both have let go of it. Claims whose post has not been
 * sent yet are known as such, so a stopping node can give them back ({@link #unsent()}).
 */
@ApplicationScoped
public class HeldClaims {

    private final Map<UUID, Integer> holds = new ConcurrentHashMap<>();
    private final Set<UUID> unsent = ConcurrentHashMap.newKeySet();

    /** Claims to read back (nothing will be sent for them). */
    public void hold(Collection<UUID> distributionIds) {
        distributionIds.forEach(id -> holds.merge(id, 1, Integer::sum));
    }

    /** Claims to publish: held, and unsent until {@link #sending(UUID)}. */
    public void holdUnsent(Collection<UUID> distributionIds) {
        hold(distributionIds);
        unsent.addAll(distributionIds);
    }

    /** The platform call for this distribution starts now: its outcome is unknown until recorded. */
    public void sending(UUID distributionId) {
        unsent.remove(distributionId);
    }

    public void letGo(Collection<UUID> distributionIds) {
        distributionIds.forEach(id -> {
            if (holds.computeIfPresent(id, (key, count) -> count > 1 ? count - 1 : null) == null) {
                unsent.remove(id);
            }
        });
    }

    public Set<UUID> snapshot() {
        return Set.copyOf(holds.keySet());
    }

    /** Held claims whose post was never sent: safe to give back as they are. */
    public Set<UUID> unsent() {
        return Set.copyOf(unsent);
    }
}
