package vn.actionmonth.report.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import vn.actionmonth.report.domain.ReportStatus;

/**
 * What a report last contributed to consolidation: its revision, the stage within the revision
 * (0 submitted, 1 returned or approved), its status and the figures of that revision. An event is
 * applied only if it is later than this state, which makes the delta logic idempotent per
 * revision whatever the inbox lets through.
 */
record AppliedState(int revision, int stage, ReportStatus status, JsonNode figures) {

    static final AppliedState NONE = new AppliedState(0, 1, ReportStatus.DRAFT, null);

    boolean isBefore(int otherRevision, int otherStage) {
        return revision < otherRevision || (revision == otherRevision && stage < otherStage);
    }

    static int stageOf(ReportStatus status) {
        return status == ReportStatus.SUBMITTED ? 0 : 1;
    }
}
