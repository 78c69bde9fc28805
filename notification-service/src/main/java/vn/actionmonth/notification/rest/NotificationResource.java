package vn.actionmonth.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.DeliveryAttempt;
import vn.actionmonth.notification.domain.Notification;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.domain.NotificationStatus;
import vn.actionmonth.notification.service.NotificationQueryService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/notifications")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Every notification of a unit on every channel, with its delivery state and log")
public class NotificationResource {

    private final NotificationQueryService notifications;
    private final Access access;

    public NotificationResource(NotificationQueryService notifications, Access access) {
        this.notifications = notifications;
        this.access = access;
    }

    @Schema(name = "Notification", description = "One notice to one channel of a unit, and how its delivery went")
    public record NotificationView(
            UUID id,
            @Schema(description = "The recipient unit") UUID unitId,
            @Schema(description = "INBOX, EMAIL or WEBHOOK", examples = "WEBHOOK") String channel,
            @Schema(description = "Email address or webhook URL", examples = "https://egov.kontum.gov.vn/hooks/thang-hanh-dong") String target,
            @Schema(examples = "OVERDUE") String kind,
            @Schema(description = "PENDING, SENDING, SENT, FAILED or CANCELLED", examples = "SENT") String status,
            @Schema(examples = "1") int attempts,
            @Schema(description = "Makes the notice unique per obligation, step and channel target",
                    examples = "OVERDUE|5b1c…|OVERDUE+1|1721408400|WEBHOOK:9d2e…") String dedupeKey,
            UUID obligationId,
            UUID planId,
            @Schema(examples = "Quá hạn báo cáo 1 ngày: Kế hoạch số 75/KH-UBND") String subject,
            String body,
            String link,
            OffsetDateTime createdAt,
            @Schema(description = "Next attempt, while PENDING") OffsetDateTime nextAttemptAt,
            OffsetDateTime sentAt,
            OffsetDateTime failedAt,
            @Schema(examples = "HTTP 503") String lastError,
            @Schema(description = "X-Request-Id of the request that caused the notice (e.g. the report's submission); "
                    + "absent for reminders and overdue notices", examples = "5f0c2a9e-3b1d-4c47-9a51-2f8f7d0b6e11")
            String requestId) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.unitId, n.channel.name(), n.target, n.kind.name(), n.status.name(), n.attempts,
                    n.dedupeKey, n.obligationId, n.planId, n.subject, n.body, n.link, InboxResource.time(n.createdAt),
                    InboxResource.time(n.nextAttemptAt), InboxResource.time(n.sentAt), InboxResource.time(n.failedAt),
                    n.lastError, n.requestId);
        }
    }

    @Schema(name = "DeliveryAttempt", description = "One try at sending a notification")
    public record AttemptView(
            @Schema(examples = "2") int attempt,
            OffsetDateTime attemptedAt,
            @Schema(examples = "false") boolean succeeded,
            @Schema(description = "The webhook's answer", examples = "503") Integer httpStatus,
            @Schema(examples = "HTTP 503") String error) {

        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attempt, InboxResource.time(a.attemptedAt), a.succeeded, a.httpStatus, a.error);
        }
    }

    @GET
    @Operation(operationId = "listNotifications",
            summary = "Notifications of a unit", description = "On every channel, newest first; filter by status "
            + "(e.g. FAILED), channel and kind. Default unit: the caller's; a unit sees its own subtree.")
    public Page<NotificationView> list(
            @Parameter(description = "The unit; default the caller's") @QueryParam("unit") UUID unit,
            @Parameter(description = "PENDING, SENDING, SENT, FAILED or CANCELLED") @QueryParam("status") NotificationStatus status,
            @Parameter(description = "INBOX, EMAIL or WEBHOOK") @QueryParam("channel") ChannelType channel,
            @Parameter(description = "Kind of notice") @QueryParam("kind") NotificationKind kind,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        UUID target = unit == null ? access.unitId() : unit;
        access.requireReadable(target);
        NotificationQueryService.Found found = notifications.ofUnit(target, status, channel, kind, page, size);
        return new Page<>(found.items().stream().map(NotificationView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNotification",
            summary = "One notification", description = "Readable by its unit and the units above it.")
    public NotificationView get(@PathParam("id") UUID id) {
        Notification n = notifications.get(id);
        access.requireReadable(n.unitId);
        return NotificationView.of(n);
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(operationId = "listDeliveryAttempts",
            summary = "Delivery log of a notification", description = "Every attempt to send it, oldest first, with the "
            + "webhook's HTTP status or the error.")
    public List<AttemptView> attempts(@PathParam("id") UUID id) {
        Notification n = notifications.get(id);
        access.requireReadable(n.unitId);
        return notifications.attempts(id).stream().map(AttemptView::of).toList();
    }
}
