package vn.actionmonth.events.report;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

import java.util.UUID;

/**
 * An event on {@link Topics#REPORTS}, keyed by obligation id so one report's events stay in order.
 * The kinds are closed: a handler goes through {@link #on(Cases)}, so a kind added here fails to
 * compile wherever it is not handled.
 */
public sealed interface ReportEvent extends EventPayload permits ReportSubmitted, ReportReturned, ReportApproved {

    UUID reportId();

    UUID obligationId();

    UUID planId();

    UUID unitId();

    UUID recipientId();

    /** 1 for the first submission, +1 for each resubmission. */
    int revision();

    @Override
    default String topic() {
        return Topics.REPORTS;
    }

    @Override
    default String key() {
        return obligationId().toString();
    }

    @Override
    default String subject() {
        return "report/" + reportId();
    }

    /** What to do with each kind of report event. */
    interface Cases<R, X extends Exception> {
        R submitted(ReportSubmitted e) throws X;

        R returned(ReportReturned e) throws X;

        R approved(ReportApproved e) throws X;
    }

    /** Calls the case of this event's kind. */
    <R, X extends Exception> R on(Cases<R, X> cases) throws X;
}
