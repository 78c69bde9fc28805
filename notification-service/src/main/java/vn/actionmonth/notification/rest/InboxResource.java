package vn.actionmonth.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.notification.domain.Notification;
import vn.actionmonth.notification.service.InboxService;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/inbox")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "The notices addressed to the caller's unit")
public class InboxResource {

    private final InboxService inbox;
    private final Access access;

    public InboxResource(InboxService inbox, Access access) {
        this.inbox = inbox;
        this.access = access;
    }

    @Schema(name = "InboxItem", description = "A notice in a unit's inbox")
    public record InboxItem(
            @Schema(description = "Notification id") UUID id,
            @Schema(description = "PLAN_PUBLISHED, REMINDER, DUE, OVERDUE, ESCALATION, REPORT_RETURNED or ALL_CHILDREN_REPORTED",
                    examples = "REMINDER") String kind,
            @Schema(examples = "Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 7 ngày") String subject,
            @Schema(examples = "Kính gửi Phường Nguyễn Trãi: đơn vị cần gửi báo cáo kết quả thực hiện Kế hoạch số 75/KH-UBND \"Tổ chức Tháng hành động vì trẻ em năm 2024\" trước ngày 20/07/2024 (còn 7 ngày). Gửi báo cáo tại: https://thangvihanhdong.gov.vn/obligations/5b1c.../report")
            String body,
            @Schema(description = "Where to act on it") String link,
            @Schema(description = "The reporting obligation, if the notice is about one") UUID obligationId,
            @Schema(description = "The plan") UUID planId,
            @Schema(examples = "2024-07-13T00:00:00+07:00") OffsetDateTime createdAt,
            @Schema(description = "When it was marked read; null while unread") OffsetDateTime readAt) {

        static InboxItem of(Notification n) {
            return new InboxItem(n.id, n.kind.name(), n.subject, n.body, n.link, n.obligationId, n.planId, time(n.createdAt),
                    time(n.readAt));
        }
    }

    @Schema(name = "InboxPage", description = "One page of the inbox, newest first, with the unread count")
    public record InboxPage(List<InboxItem> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
                            @Schema(examples = "12") long total,
                            @Schema(description = "Unread items in the whole inbox", examples = "3") long unread) {
    }

    @GET
    @Operation(operationId = "listInbox",
            summary = "The caller's inbox", description = "Notices to the caller's unit, newest first, with how many are unread.")
    public InboxPage list(@Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") int page,
                          @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") int size,
                          @Parameter(description = "Only unread notices") @QueryParam("unread") @DefaultValue("false") boolean unread) {
        Paging.check(page, size);
        InboxService.InboxPage p = inbox.page(access.unitId(), unread, page, size);
        return new InboxPage(p.items().stream().map(InboxItem::of).toList(), page, size, p.total(), p.unread());
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markInboxItemRead",
            summary = "Mark a notice read", description = "Marks one notice of the caller's inbox read; 404 when it is not in the caller's inbox.")
    public InboxItem markRead(@PathParam("id") UUID id) {
        return InboxItem.of(inbox.markRead(access.unitId(), id));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
