package vn.actionmonth.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.EventTypes;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.events.report.ReportApproved;
import vn.actionmonth.events.report.ReportEvent;
import vn.actionmonth.events.report.ReportReturned;
import vn.actionmonth.events.report.ReportSubmitted;
import vn.actionmonth.notification.service.DeadlineService;

import java.util.Set;

/** report-service's reports (deadlines met or reopened) and consolidations (all children reported). */
@ApplicationScoped
public class ReportEventsHandler implements EventHandler {

    private final DeadlineService deadlines;
    private final ObjectMapper mapper;

    public ReportEventsHandler(DeadlineService deadlines, ObjectMapper mapper) {
        this.deadlines = deadlines;
        this.mapper = mapper;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REPORTS, Topics.CONSOLIDATIONS);
    }

    @Override
    public void handle(EventEnvelope event, ConsumerBatch batch) {
        EventPayload payload = EventTypes.readIfKnown(mapper, event.type(), event.data());
        if (payload instanceof ReportEvent report) {
            report.on(new ReportEvent.Cases<Void, RuntimeException>() {
                @Override
                public Void submitted(ReportSubmitted e) {
                    deadlines.reportSubmitted(e);
                    return null;
                }

                @Override
                public Void returned(ReportReturned e) {
                    deadlines.reportReturned(e);
                    return null;
                }

                @Override
                public Void approved(ReportApproved e) {
                    deadlines.reportApproved(e);
                    return null;
                }
            });
        } else if (payload instanceof ConsolidationChanged c) {
            deadlines.consolidationChanged(c);
        }
    }
}
