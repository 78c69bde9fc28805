package vn.actionmonth.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.EventTypes;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.plan.ObligationCancelled;
import vn.actionmonth.events.plan.ObligationChanged;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.ObligationEvent;
import vn.actionmonth.events.plan.PlanAmended;
import vn.actionmonth.events.plan.PlanClosed;
import vn.actionmonth.events.plan.PlanEvent;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.notification.service.DeadlineService;

import java.time.Instant;
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
        EventPayload payload = EventTypes.readIfKnown(mapper, event.type(), event.data());
        Instant time = event.time().toInstant();
        if (payload instanceof ObligationEvent obligation) {
            obligation.on(new ObligationEvent.Cases<Void, RuntimeException>() {
                @Override
                public Void created(ObligationCreated e) {
                    deadlines.applyObligation(e.obligation(), false, time);
                    return null;
                }

                @Override
                public Void changed(ObligationChanged e) {
                    deadlines.applyObligation(e.obligation(), false, time);
                    return null;
                }

                @Override
                public Void cancelled(ObligationCancelled e) {
                    deadlines.applyObligation(e.obligation(), true, time);
                    return null;
                }
            });
        } else if (payload instanceof PlanEvent plan) {
            plan.on(new PlanEvent.Cases<Void, RuntimeException>() {
                @Override
                public Void published(PlanPublished e) {
                    deadlines.planPublished(e.plan());
                    return null;
                }

                @Override
                public Void amended(PlanAmended e) {
                    return null; // what an amendment changes in deadlines comes as ObligationChanged
                }

                @Override
                public Void closed(PlanClosed e) {
                    return null; // closing cancels the open obligations, which come as ObligationCancelled
                }
            });
        }
    }
}
