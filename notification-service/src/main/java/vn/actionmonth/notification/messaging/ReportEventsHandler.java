package vn.actionmonth.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.events.report.ReportApproved;
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
        switch (event.type()) {
            case "ReportSubmitted" -> deadlines.reportSubmitted(event.payload(mapper, ReportSubmitted.class));
            case "ReportReturned" -> deadlines.reportReturned(event.payload(mapper, ReportReturned.class));
            case "ReportApproved" -> deadlines.reportApproved(event.payload(mapper, ReportApproved.class));
            case "ConsolidationChanged" -> deadlines.consolidationChanged(event.payload(mapper, ConsolidationChanged.class));
            default -> {
                // A type added to the contract later: nothing to do here.
            }
        }
    }
}
