package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.notification.config.NotificationConfig;
import vn.actionmonth.notification.domain.Deadline;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.domain.ReminderPolicy;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the notices officials read: in Vietnamese, with the plan's number and title, the due
 * date as dd/MM/yyyy in Vietnam time and a link into the web frontend. Text is stored NFC.
 */
@ApplicationScoped
public class MessageComposer {

    private final UnitDirectory units;
    private final String baseUrl;

    public MessageComposer(UnitDirectory units, NotificationConfig config) {
        this.units = units;
        String base = config.links().baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A step of the reminder policy, for the reporting unit (or, for an escalation, its recipient). */
    public Notice step(Deadline d, ReminderPolicy.Step step) {
        return step(d, step, this::unitName);
    }

    /** {@link #step(Deadline, ReminderPolicy.Step)} with units' names from {@code names} (read for a batch). */
    public Notice step(Deadline d, ReminderPolicy.Step step, Function<UUID, String> names) {
        String plan = planRef(d.planNumber, d.planTitle);
        String due = date(d.dueAt);
        String link = reportLink(d.obligationId);
        String unitName = owner(d, names);
        int days = Math.abs(step.offsetDays());
        String key = step.kind() + "|" + d.obligationId + "|" + step.code() + "|" + d.dueAt.getEpochSecond();
        return switch (step.kind()) {
            case REMINDER -> notice(step.kind(), key, d.unitId, d,
                    "Nhắc hạn báo cáo: " + planName(d.planNumber, d.planTitle) + ", còn " + days + " ngày",
                    "Kính gửi " + unitName + ": đơn vị cần gửi báo cáo kết quả thực hiện " + plan + " trước ngày " + due
                            + " (còn " + days + " ngày). Gửi báo cáo tại: " + link, link);
            case DUE -> notice(step.kind(), key, d.unitId, d,
                    "Đến hạn báo cáo: " + planName(d.planNumber, d.planTitle),
                    "Kính gửi " + unitName + ": đã đến hạn gửi báo cáo kết quả thực hiện " + plan + " (hạn trước ngày "
                            + due + ") mà đơn vị chưa gửi báo cáo. Đề nghị gửi ngay tại: " + link, link);
            case OVERDUE -> notice(step.kind(), key, d.unitId, d,
                    "Quá hạn báo cáo " + days + " ngày: " + planName(d.planNumber, d.planTitle),
                    "Kính gửi " + unitName + ": báo cáo kết quả thực hiện " + plan + " đã quá hạn " + days
                            + " ngày (hạn trước ngày " + due + "). Đề nghị gửi báo cáo tại: " + link, link);
            case ESCALATION -> notice(step.kind(), key, d.recipientId, d,
                    unitName + " chưa báo cáo " + planName(d.planNumber, d.planTitle),
                    unitName + " chưa gửi báo cáo kết quả thực hiện " + plan + ", hạn trước ngày " + due
                            + " (đã quá hạn " + days + " ngày). Xem báo cáo tại: " + link, link);
            default -> throw new IllegalArgumentException("not a reminder step: " + step);
        };
    }

    /**
     * The escalation again, for the consolidating unit the report passes through: it receives,
     * checks and consolidates for the recipient, so it chases the late unit too.
     */
    public Notice escalationToConsolidator(Deadline d, ReminderPolicy.Step step, Function<UUID, String> names) {
        Notice toRecipient = step(d, step, names);
        return new Notice(toRecipient.kind(), toRecipient.dedupeKey() + "|via", d.viaUnitId, d.obligationId, d.planId,
                toRecipient.subject(), toRecipient.body(), toRecipient.link());
    }

    /** A plan was published: tell a unit it was given tasks and, if so, when its report is due. */
    public Notice planPublished(UUID planId, String number, String title, Instant dueAt, UUID unitId, boolean reports) {
        String link = baseUrl + "/plans/" + planId;
        String body = "Kính gửi " + unitName(unitId) + ": " + planRef(number, title) + " đã được ban hành. "
                + (reports && dueAt != null ? "Đơn vị gửi báo cáo kết quả thực hiện trước ngày " + date(dueAt) + ". " : "")
                + "Xem kế hoạch tại: " + link;
        return new Notice(NotificationKind.PLAN_PUBLISHED, "PLAN_PUBLISHED|" + planId + "|" + unitId, unitId, null, planId,
                nfc(planName(number, title) + " đã được ban hành"), nfc(body), link);
    }

    /** The recipient sent the report back: tell the reporting unit why, and the deadline. */
    public Notice reportReturned(Deadline d, int revision, String reason) {
        String link = reportLink(d.obligationId);
        String body = "Kính gửi " + owner(d) + ": báo cáo kết quả thực hiện " + planRef(d.planNumber, d.planTitle)
                + " (lần " + revision + ") đã được " + unitName(d.recipientId) + " trả lại để chỉnh sửa. Lý do: "
                + (reason == null || reason.isBlank() ? "không nêu" : reason.strip()) + ". Hạn gửi báo cáo: trước ngày "
                + date(d.dueAt) + ". Chỉnh sửa báo cáo tại: " + link;
        return notice(NotificationKind.REPORT_RETURNED, "REPORT_RETURNED|" + d.obligationId + "|" + revision, d.unitId, d,
                "Báo cáo " + planName(d.planNumber, d.planTitle) + " bị trả lại", body, link);
    }

    /** Every unit that reports to {@code unitId} under the plan has submitted. */
    public Notice allChildrenReported(UUID unitId, UUID planId, String number, String title, int children) {
        String link = baseUrl + "/consolidations?unit=" + unitId + "&plan=" + planId;
        String body = "Kính gửi " + unitName(unitId) + ": tất cả " + children + " đơn vị trực thuộc đã gửi báo cáo kết quả "
                + "thực hiện " + planRef(number, title) + ". Xem số liệu tổng hợp tại: " + link;
        return new Notice(NotificationKind.ALL_CHILDREN_REPORTED, "ALL_CHILDREN_REPORTED|" + planId + "|" + unitId, unitId,
                null, planId, nfc("Các đơn vị trực thuộc đã báo cáo đủ: " + planName(number, title)), nfc(body), link);
    }

    /**
     * The unit that owes the report, and, when a reorganisation handed the obligation to it, the
     * unit it reports in place of: "Phường Đăk Bla (thay cho Phường Nguyễn Trãi (cũ))".
     */
    String owner(Deadline d) {
        return owner(d, this::unitName);
    }

    private static String owner(Deadline d, Function<UUID, String> names) {
        String name = names.apply(d.unitId);
        return d.handedOver() ? name + " (thay cho " + names.apply(d.originalUnitId) + " (cũ))" : name;
    }

    public String unitName(UUID unitId) {
        return units.find(unitId).map(UnitRecord::name).orElse("đơn vị " + unitId);
    }

    private Notice notice(NotificationKind kind, String key, UUID to, Deadline d, String subject, String body, String link) {
        return new Notice(kind, key, to, d.obligationId, d.planId, nfc(subject), nfc(body), link);
    }

    private String reportLink(UUID obligationId) {
        return baseUrl + "/obligations/" + obligationId + "/report";
    }

    /**
     * "Kế hoạch số 75/KH-UBND" for a subject line; a plan issued without a number ("/KH-UBND", or
     * none) is named by its title instead, never "Kế hoạch số null".
     */
    static String planName(String number, String title) {
        if (hasNumber(number)) {
            return "Kế hoạch số " + number.strip();
        }
        String t = title == null ? "" : title.strip();
        return t.isEmpty() ? "Kế hoạch (chưa có số)" : "Kế hoạch \"" + (t.length() > 120 ? t.substring(0, 117) + "..." : t) + "\"";
    }

    /** The plan as a body names it: its number when it has one, and its title. */
    static String planRef(String number, String title) {
        boolean titled = title != null && !title.isBlank();
        if (!hasNumber(number)) {
            return titled ? "Kế hoạch \"" + title.strip() + "\"" : "Kế hoạch (chưa có số)";
        }
        return "Kế hoạch số " + number.strip() + (titled ? " \"" + title.strip() + "\"" : "");
    }

    /** Real plans are often issued with the number left blank for the clerk: "/KH-UBND". */
    private static boolean hasNumber(String number) {
        return number != null && !number.isBlank() && !number.strip().startsWith("/");
    }

    private static String date(Instant instant) {
        return VietnamTime.date(instant.atOffset(ZoneOffset.UTC));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
