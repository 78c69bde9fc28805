package vn.actionmonth.events.report;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

import java.util.UUID;

/** An event on {@link Topics#REPORTS}, keyed by obligation id so one report's events stay in order. */
public interface ReportEvent extends EventPayload {

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
}
