package vn.actionmonth.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.notification.domain.ReminderPolicy;
import vn.actionmonth.notification.service.PolicyService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/campaigns/{campaignId}/reminder-policy")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminder policy", description = "When the units of a campaign are reminded, told they are overdue, and escalated")
public class ReminderPolicyResource {

    private final PolicyService policies;
    private final Access access;

    public ReminderPolicyResource(PolicyService policies, Access access) {
        this.policies = policies;
        this.access = access;
    }

    @Schema(name = "ReminderPolicyRequest", description = "A campaign's reminder policy; days count from the due instant")
    public record PolicyRequest(
            @Schema(description = "Reminders this many days before", examples = "[7, 3, 1]")
            @NotNull @Size(max = 10) List<@NotNull @Min(1) @Max(365) Integer> reminderDaysBefore,
            @Schema(description = "A notice at the due instant", examples = "true") @NotNull Boolean atDue,
            @Schema(description = "Overdue notices this many days after", examples = "[1, 3]")
            @NotNull @Size(max = 10) List<@NotNull @Min(1) @Max(365) Integer> overdueDaysAfter,
            @Schema(description = "Escalation to the recipient unit this many days after; null for none", examples = "7")
            @Min(1) @Max(365) Integer escalationDaysAfter) {
    }

    @Schema(name = "ReminderPolicy", description = "The reminder policy in force for a campaign")
    public record PolicyView(
            UUID campaignId,
            @Schema(examples = "[7, 3, 1]") List<Integer> reminderDaysBefore,
            @Schema(examples = "true") boolean atDue,
            @Schema(examples = "[1, 3]") List<Integer> overdueDaysAfter,
            @Schema(examples = "7") Integer escalationDaysAfter,
            @Schema(description = "false while the campaign uses the service's default", examples = "false") boolean campaignOwn,
            @Schema(description = "0 for the default; the ETag", examples = "0") long version) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(schema = @Schema(implementation = PolicyView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "getReminderPolicy",
            summary = "A campaign's reminder policy", description = "Its own or, until it has one, the default. The ETag is "
            + "the version to send in If-Match.")
    public Response get(@PathParam("campaignId") UUID campaignId) {
        return answer(campaignId, policies.find(campaignId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = PolicyView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "428", description = Preconditions.IF_MATCH_REQUIRED)
    @Operation(operationId = "replaceReminderPolicy",
            summary = "Set a campaign's reminder policy", description = "System accounts or admins of a top unit; needs "
            + "If-Match (\"0\" while the default applies). Open deadlines follow the new policy from now on; notices "
            + "already sent stay sent.")
    public Response put(@PathParam("campaignId") UUID campaignId, @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull PolicyRequest request) {
        access.requirePolicyAdmin();
        long expected = Preconditions.expectedVersion(ifMatch, true);
        ReminderPolicy policy = new ReminderPolicy(request.reminderDaysBefore(), request.atDue(), request.overdueDaysAfter(),
                request.escalationDaysAfter());
        return answer(campaignId, policies.replace(campaignId, policy, expected, access.name()));
    }

    private static Response answer(UUID campaignId, PolicyService.Versioned v) {
        ReminderPolicy p = v.policy();
        return Response.ok(new PolicyView(campaignId, p.reminderDaysBefore(), p.atDue(), p.overdueDaysAfter(),
                p.escalationDaysAfter(), v.campaignOwn(), v.version())).tag(Preconditions.etag(v.version())).build();
    }
}
