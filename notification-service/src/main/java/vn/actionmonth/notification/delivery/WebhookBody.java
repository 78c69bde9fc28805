package vn.actionmonth.notification.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.notification.repository.NotificationRepository.Claimed;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a webhook receives: the JSON body of the POST. */
@Schema(name = "WebhookBody", description = "Body of the POST a webhook subscription receives, signed in X-ActionMonth-Signature")
public record WebhookBody(
        @Schema(description = "Notification id; the same on every retry (also in X-ActionMonth-Delivery)") UUID id,
        @Schema(description = "Kind of notice", examples = "OVERDUE") String kind,
        @Schema(description = "The unit the notice is for") UUID unitId,
        @Schema(description = "The reporting obligation, when the notice is about one") UUID obligationId,
        @Schema(description = "The plan") UUID planId,
        @Schema(examples = "Quá hạn báo cáo 1 ngày: Kế hoạch số 75/KH-UBND") String subject,
        @Schema(examples = "Kính gửi Phường Nguyễn Trãi: báo cáo kết quả thực hiện Kế hoạch số 75/KH-UBND ... đã quá hạn 1 ngày (hạn trước ngày 20/07/2024). ...") String message,
        @Schema(examples = "https://thangvihanhdong.gov.vn/obligations/5b1c.../report") String link,
        @Schema(description = "When the notice was made") OffsetDateTime createdAt) {

    public static WebhookBody of(Claimed c) {
        return new WebhookBody(c.id(), c.kind().name(), c.unitId(), c.obligationId(), c.planId(), c.subject(), c.body(),
                c.link(), c.createdAt().atZone(VietnamTime.ZONE).toOffsetDateTime());
    }
}
