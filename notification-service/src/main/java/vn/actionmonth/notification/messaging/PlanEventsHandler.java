package vn.actionmonth.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.plan.ObligationCancelled;
import vn.actionmonth.events.plan.ObligationChanged;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.notification.service.DeadlineService;

import java.util.Set;

/** plan-service's obligations (the deadlines copy) and plan publications (the assignees are told). */
@ApplicationScoped
public class PlanEventsHandler implements EventHandler {

    private final DeadlineService deadlines;
    private final ObjectMapper mapper;

    public PlanEventsHandler(DeadlineService deadlines, ObjectMapper mapper) {
        this.deadlines = deadlines;
        this.mapper = mapper;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.OBLIGATIONS, Topics.PLANS);
    }

    @Override
    public void handle(EventEnvelope event, ConsumerBatch batch) {
        java.time.Instant time = event.time().toInstant();
        switch (event.type()) {
            case "ObligationCreated" -> deadlines.applyObligation(
                    event.payload(mapper, ObligationCreated.class).obligation(), false, time);
            case "ObligationChanged" -> deadlines.applyObligation(
                    event.payload(mapper, ObligationChanged.class).obligation(), false, time);
            case "ObligationCancelled" -> deadlines.applyObligation(
                    event.payload(mapper, ObligationCancelled.class).obligation(), true, time);
            case "PlanPublished" -> deadlines.planPublished(event.payload(mapper, PlanPublished.class).plan());
            default -> {
                // PlanAmended and PlanClosed change no deadline: obligation events carry their effects.
            }
        }
    }
}
