package vn.actionmonth.report.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.EventTypes;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.plan.ObligationEvent;
import vn.actionmonth.events.plan.PlanEvent;
import vn.actionmonth.report.repository.ReplicaRepository;

import java.sql.SQLException;
import java.util.Set;

/**
 * Keeps report-service's copies of plans and obligations from plan-service's events. Both carry
 * whole states with a version, so an older state never overwrites a newer one.
 */
@ApplicationScoped
public class PlanEventsHandler implements EventHandler {

    private final ObjectMapper mapper;
    private final ReplicaRepository replicas;

    public PlanEventsHandler(ObjectMapper mapper, ReplicaRepository replicas) {
        this.mapper = mapper;
        this.replicas = replicas;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PLANS, Topics.OBLIGATIONS);
    }

    @Override
    public void handle(EventEnvelope event, ConsumerBatch batch) throws SQLException {
        EventPayload payload = EventTypes.readIfKnown(mapper, event.type(), event.data());
        if (payload instanceof PlanEvent p) {
            replicas.upsertPlan(p.plan());
        } else if (payload instanceof ObligationEvent o) {
            replicas.upsertObligation(o.obligation());
        }
    }
}
