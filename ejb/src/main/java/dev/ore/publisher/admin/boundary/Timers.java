package dev.ore.publisher.admin.boundary;

import dev.ore.publisher.admin.control.TimerState;
import dev.ore.publisher.problem.boundary.Refusal;
import dev.ore.publisher.publishing.boundary.PublishingTimer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The worker's timers on this node: look, pause, resume, run now. Pausing is per node and not
 * persistent: a restarted node polls again, which is the safe default for a publisher.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Timers {

    @Inject
    PublishingTimer publishing;

    public List<TimerState> list() {
        return List.of(publishingState());
    }

    public TimerState find(String name) {
        return list().stream().filter(timer -> timer.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound("Timer", name));
    }

    public TimerState pause(String name) {
        find(name);
        publishing.pause();
        return publishingState();
    }

    public TimerState resume(String name) {
        find(name);
        publishing.resume();
        return publishingState();
    }

    /** @return the id of the job execution started */
    public long runNow(String name) {
        find(name);
        return publishing.runNow();
    }

    private TimerState publishingState() {
        return new TimerState(PublishingTimer.TIMER_NAME, "Starts job publish-due-distributions when anything is due",
                publishing.interval(), publishing.nextTimeout().orElse(null), publishing.isPaused(),
                publishing.lastPoll().orElse(null), publishing.lastJobStart().orElse(null),
                publishing.lastExecutionId().orElse(null));
    }
}
