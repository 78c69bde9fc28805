package vn.actionmonth.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The periodic runs: plan the reminder steps that have come due; send what waits. Two runs, so
 * that what the planner committed is sent while it plans the rest of a large moment (a national
 * deadline plans tens of thousands of notices). SKIP keeps runs of one kind in this JVM from
 * overlapping; overlapping runs of other replicas are made safe by the database (row locks with
 * SKIP LOCKED, dedupe keys, conditional updates), not by this.
 */
@ApplicationScoped
public class NotificationScheduler {

    private static final Logger LOG = Logger.getLogger(NotificationScheduler.class);

    private final ReminderPlanner planner;
    private final Dispatcher dispatcher;

    public NotificationScheduler(ReminderPlanner planner, Dispatcher dispatcher) {
        this.planner = planner;
        this.dispatcher = dispatcher;
    }

    @Scheduled(identity = "reminder-planner", every = "${notification.scheduler.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void plan() {
        int planned = planner.planDue();
        if (planned > 0) {
            LOG.infof("scheduler: %d notifications planned", planned);
        }
    }

    @Scheduled(identity = "dispatcher", every = "${notification.scheduler.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void dispatch() {
        int sent = dispatcher.dispatchDue();
        if (sent > 0) {
            LOG.infof("scheduler: %d delivery attempts", sent);
        }
    }
}
