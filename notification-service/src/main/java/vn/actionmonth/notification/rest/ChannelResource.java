package vn.actionmonth.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.rest.IdempotencyKeys;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.notification.domain.Channel;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.service.ChannelService;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/units/{unitId}/channels")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Channels", description = "A unit's email addresses and webhooks (its inbox always exists)")
public class ChannelResource {

    private final ChannelService channels;
    private final Access access;

    public ChannelResource(ChannelService channels, Access access) {
        this.channels = channels;
        this.access = access;
    }

    @Schema(name = "ChannelRequest", description = "An email address or webhook to subscribe")
    public record ChannelRequest(
            @Schema(description = "EMAIL or WEBHOOK", examples = "EMAIL") @NotNull ChannelType type,
            @Schema(description = "Email address, or the https URL the webhook POSTs to",
                    examples = "vanphong@nguyentrai.kontum.gov.vn") @NotBlank @Text(max = Channel.MAX_ADDRESS, singleLine = true) String address,
            @Schema(description = "Kinds to receive; all when empty", examples = "[\"REMINDER\", \"OVERDUE\"]") Set<NotificationKind> kinds,
            @Schema(description = "Whether it receives anything; default true", examples = "true") Boolean active) {
    }

    @Schema(name = "ChannelUpdate", description = "New address, kinds or state of a channel")
    public record ChannelUpdate(
            @Schema(examples = "vanphong@nguyentrai.kontum.gov.vn") @NotBlank @Text(max = Channel.MAX_ADDRESS, singleLine = true) String address,
            @Schema(description = "Kinds to receive; all when empty", examples = "[\"ESCALATION\"]") Set<NotificationKind> kinds,
            @Schema(examples = "true") @NotNull Boolean active) {
    }

    @Schema(name = "Channel", description = "A unit's email address or webhook")
    public record ChannelView(
            UUID id,
            UUID unitId,
            @Schema(examples = "WEBHOOK") String type,
            @Schema(examples = "https://egov.kontum.gov.vn/hooks/thang-hanh-dong") String address,
            @Schema(description = "Kinds it receives") Set<NotificationKind> kinds,
            @Schema(examples = "true") boolean active,
            @Schema(description = "The webhook's HMAC-SHA256 key: only in the answer that creates it, never again")
            String secret,
            @Schema(examples = "1") long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static ChannelView of(Channel c, boolean withSecret) {
            return new ChannelView(c.id, c.unitId, c.type.name(), c.address, c.kindSet(), c.active,
                    withSecret ? c.secret : null, c.version, InboxResource.time(c.createdAt), InboxResource.time(c.updatedAt));
        }
    }

    @GET
    @Operation(operationId = "listChannels",
            summary = "A unit's channels", description = "The unit's email addresses and webhooks, without secrets. "
            + "Readable by the unit and the units above it.")
    public List<ChannelView> list(@PathParam("unitId") UUID unitId) {
        access.requireReadable(unitId);
        return channels.ofUnit(unitId).stream().map(c -> ChannelView.of(c, false)).toList();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(implementation = ChannelView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "getChannel",
            summary = "One channel", description = "With its ETag, for an update with If-Match.")
    public Response get(@PathParam("unitId") UUID unitId, @PathParam("id") UUID id) {
        access.requireReadable(unitId);
        Channel c = channels.get(unitId, id);
        return Response.ok(ChannelView.of(c, false)).tag(Preconditions.etag(c.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "409", description = "The unit already has a channel with this address, or the Idempotency-Key was used for another channel")
    @APIResponse(responseCode = "201", description = "Created; a webhook channel shows its signing secret this once", content = @Content(schema = @Schema(implementation = ChannelView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "createChannel",
            summary = "Subscribe an email address or webhook", description = "Only an admin of the unit. For a webhook the "
            + "answer carries `secret`, the key of the X-ActionMonth-Signature header; it is shown only in answers to this "
            + "request. With an Idempotency-Key, repeating the request returns the same channel (and secret) again.")
    public Response create(@PathParam("unitId") UUID unitId,
                           @Parameter(description = "Makes a retried POST return the first answer", example = "5f0c7a1e-kenh-1")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull ChannelRequest request, @Context UriInfo uri) {
        access.requireAdminOf(unitId);
        Channel c = channels.create(unitId, request.type(), request.address(), request.kinds(),
                request.active() == null || request.active(), IdempotencyKeys.parse(idempotencyKey));
        URI location = uri.getAbsolutePathBuilder().path(c.id.toString()).build();
        return Response.created(location).tag(Preconditions.etag(c.version)).entity(ChannelView.of(c, true)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = ChannelView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "428", description = Preconditions.IF_MATCH_REQUIRED)
    @APIResponse(responseCode = "409", description = "The unit already has a channel with this address")
    @Operation(operationId = "updateChannel",
            summary = "Change a channel", description = "Only an admin of the unit; needs If-Match with the channel's ETag. "
            + "The webhook secret stays the same.")
    public Response update(@PathParam("unitId") UUID unitId, @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ChannelUpdate request) {
        access.requireAdminOf(unitId);
        Channel c = channels.update(unitId, id, Preconditions.expectedVersion(ifMatch, true), request.address(), request.kinds(), request.active());
        return Response.ok(ChannelView.of(c, false)).tag(Preconditions.etag(c.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteChannel",
            summary = "Remove a channel", description = "Only an admin of the unit. What still waits to go out through it is cancelled.")
    public Response delete(@PathParam("unitId") UUID unitId, @PathParam("id") UUID id) {
        access.requireAdminOf(unitId);
        channels.delete(unitId, id);
        return Response.noContent().build();
    }
}
