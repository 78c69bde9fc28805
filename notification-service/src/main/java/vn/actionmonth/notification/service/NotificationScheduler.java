package vn.actionmonth.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The periodic run: plan the reminder steps that have come due, then send what waits. SKIP keeps
 * runs of this JVM from overlapping; overlapping runs of other replicas are made safe by the
 * database (row locks with SKIP LOCKED, dedupe keys, conditional updates), not by this.
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

    @Scheduled(identity = "notifications", every = "${notification.scheduler.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        int planned = planner.planDue();
        int sent = dispatcher.dispatchDue();
        if (planned > 0 || sent > 0) {
            LOG.infof("scheduler: %d notifications planned, %d delivery attempts", planned, sent);
        }
    }
}
