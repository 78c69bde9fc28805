package vn.actionmonth.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.notification.domain.Deadline;
import vn.actionmonth.notification.service.DeadlineQueryService;
import vn.actionmonth.notification.service.DeadlineQueryService.State;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/deadlines")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines", description = "Reporting deadlines of a unit and its subtree, and whether they are met")
public class DeadlineResource {

    private final DeadlineQueryService deadlines;
    private final Access access;

    public DeadlineResource(DeadlineQueryService deadlines, Access access) {
        this.deadlines = deadlines;
        this.access = access;
    }

    @Schema(name = "Deadline", description = "A unit's reporting obligation under a plan, as this service tracks it")
    public record DeadlineView(
            @Schema(description = "The obligation (plan-service's id)") UUID obligationId,
            UUID planId,
            @Schema(examples = "75/KH-UBND") String planNumber,
            @Schema(examples = "Tổ chức Tháng hành động vì trẻ em năm 2024") String planTitle,
            UUID campaignId,
            @Schema(description = "The unit that owes the report") UUID unitId,
            @Schema(description = "The unit the report goes to") UUID recipientId,
            @Schema(description = "Due instant (\"trước ngày 20/7/2024\")", examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
            @Schema(description = "OPEN (not met, not yet due), OVERDUE (not met, past due) or MET", examples = "OVERDUE") String state,
            @Schema(description = "NONE, SUBMITTED, RETURNED or APPROVED", examples = "NONE") String reportStatus,
            @Schema(description = "When the report was (last) submitted") OffsetDateTime submittedAt,
            @Schema(description = "When the next reminder step is due; null when none is left") OffsetDateTime nextReminderAt) {

        static DeadlineView of(Deadline d, Instant now) {
            return new DeadlineView(d.obligationId, d.planId, d.planNumber, d.planTitle, d.campaignId, d.unitId, d.recipientId,
                    InboxResource.time(d.dueAt), DeadlineQueryService.stateOf(d, now).name(), d.reportStatus.name(),
                    InboxResource.time(d.submittedAt), InboxResource.time(d.nextStepAt));
        }
    }

    @GET
    @Operation(operationId = "listDeadlines", summary = "Deadlines of a unit or its subtree",
            description = "Deadlines owed by the unit (default: the caller's) or, with scope=subtree (the default), by every unit "
                    + "under it, earliest due first. A unit sees only its own subtree; system accounts see all.")
    public Page<DeadlineView> list(
            @Parameter(description = "The unit; default the caller's") @QueryParam("unit") UUID unit,
            @Parameter(description = "unit or subtree (default)") @QueryParam("scope") @DefaultValue("subtree") String scope,
            @Parameter(description = "open, overdue or met; all when absent") @QueryParam("status") String status,
            @Parameter(description = "Only this plan") @QueryParam("plan") UUID plan,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        if (!"unit".equals(scope) && !"subtree".equals(scope)) {
            throw Problems.invalid(List.of(Problem.Violation.query("scope", "must be unit or subtree")));
        }
        State state = parseState(status);
        UUID root = unit == null ? access.unitId() : unit;
        access.requireReadable(root);
        DeadlineQueryService.Result r = deadlines.find(root, "subtree".equals(scope), state, plan, page, size);
        return new Page<>(r.items().stream().map(d -> DeadlineView.of(d, r.now())).toList(), page, size, r.total());
    }

    private static State parseState(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return State.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(List.of(Problem.Violation.query("status", "must be open, overdue or met")));
        }
    }
}
