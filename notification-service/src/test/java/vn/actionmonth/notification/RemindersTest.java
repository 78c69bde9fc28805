package vn.actionmonth.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.events.report.ReportReturned;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The reminder policy over a deadline's life, with the clock moved step by step. */
@QuarkusTest
class RemindersTest extends NotificationTestBase {

    @jakarta.inject.Inject
    vn.actionmonth.notification.service.Notifier notifier;

    @Test
    void movingTheClockAcrossTheDeadlineSendsExactlyThePolicysNoticesInOrder() {
        Tree t = tree("Phường Nguyễn Trãi");
        ObligationSnapshot o = oblige(t.ward(0), t.city());
        String link = LINK_BASE + "/obligations/" + o.id() + "/report";

        runAt(at(2024, 7, 12).plusHours(23).plusMinutes(59));
        assertThat(inbox(t.ward(0))).as("nothing before the first reminder's moment").isEmpty();

        runAt(at(2024, 7, 13));
        runAt(at(2024, 7, 17));
        runAt(at(2024, 7, 19));
        runAt(at(2024, 7, 20));
        runAt(at(2024, 7, 21));
        runAt(at(2024, 7, 23));
        runAt(at(2024, 7, 26).plusHours(23));

        List<Map<String, Object>> ward = inbox(t.ward(0));
        assertThat(ward).extracting(i -> i.get("kind"))
                .containsExactly("REMINDER", "REMINDER", "REMINDER", "DUE", "OVERDUE", "OVERDUE");
        assertThat(ward).extracting(i -> i.get("subject")).containsExactly(
                "Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 7 ngày",
                "Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 3 ngày",
                "Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 1 ngày",
                "Đến hạn báo cáo: Kế hoạch số 75/KH-UBND",
                "Quá hạn báo cáo 1 ngày: Kế hoạch số 75/KH-UBND",
                "Quá hạn báo cáo 3 ngày: Kế hoạch số 75/KH-UBND");
        assertThat(ward.get(0).get("body")).isEqualTo("Kính gửi Phường Nguyễn Trãi: đơn vị cần gửi báo cáo kết quả thực hiện "
                + "Kế hoạch số 75/KH-UBND \"Tổ chức Tháng hành động vì trẻ em năm 2024\" trước ngày 20/07/2024 (còn 7 ngày). "
                + "Gửi báo cáo tại: " + link);
        assertThat(ward).allSatisfy(i -> {
            assertThat((String) i.get("body")).contains("75/KH-UBND", PLAN_TITLE, "20/07/2024", link);
            assertThat(i.get("link")).isEqualTo(link);
        });
        assertThat(ward).extracting(i -> i.get("createdAt")).containsExactly(
                "2024-07-13T00:00:00+07:00", "2024-07-17T00:00:00+07:00", "2024-07-19T00:00:00+07:00",
                "2024-07-20T00:00:00+07:00", "2024-07-21T00:00:00+07:00", "2024-07-23T00:00:00+07:00");
        assertThat(inbox(t.city())).as("no escalation before 7 days overdue").isEmpty();

        runAt(at(2024, 7, 27));
        runAt(at(2024, 7, 28));

        List<Map<String, Object>> city = inbox(t.city());
        assertThat(city).extracting(i -> i.get("kind")).containsExactly("ESCALATION");
        assertThat(city.get(0).get("subject")).isEqualTo("Phường Nguyễn Trãi chưa báo cáo Kế hoạch số 75/KH-UBND");
        assertThat((String) city.get(0).get("body")).startsWith("Phường Nguyễn Trãi chưa gửi báo cáo kết quả thực hiện "
                + "Kế hoạch số 75/KH-UBND \"Tổ chức Tháng hành động vì trẻ em năm 2024\", hạn trước ngày 20/07/2024");
        assertThat(inbox(t.ward(0))).as("the policy has no more steps").hasSize(6);
        assertThat(inbox(t.province())).isEmpty();
    }

    @Test
    void aSubmissionStopsTheRemindersAndAReturnReopensTheDeadline() {
        Tree t = tree("Phường Quyết Thắng");
        ObligationSnapshot o = oblige(t.ward(0), t.city());

        runAt(at(2024, 7, 13));
        clock.set(at(2024, 7, 15));
        awaitConsumed(publish(submitted(o, 1)));
        given().auth().oauth2(token(t.city(), "viewer")).queryParam("status", "met")
                .when().get("/api/v1/deadlines").then().statusCode(200)
                .body("items.obligationId", contains(o.id().toString()))
                .body("items[0].state", equalTo("MET"));

        runAt(at(2024, 7, 17));
        runAt(at(2024, 7, 19));
        runAt(at(2024, 7, 20));
        runAt(at(2024, 7, 21));
        assertThat(inboxKinds(t.ward(0))).containsExactly("REMINDER");

        clock.set(at(2024, 7, 21).plusHours(10));
        awaitConsumed(publish(new ReportReturned(UUID.randomUUID(), o.id(), planId, campaignId, t.ward(0).id(),
                t.city().id(), 1, "Thiếu số liệu chỉ tiêu số trẻ em được tiếp cận", "lanh-dao@kontum.gov.vn",
                clock.instant().atOffset(VN))));
        List<Map<String, Object>> afterReturn = inbox(t.ward(0));
        assertThat(afterReturn).extracting(i -> i.get("kind")).containsExactly("REMINDER", "REPORT_RETURNED");
        assertThat((String) afterReturn.get(1).get("body"))
                .contains("Kế hoạch số 75/KH-UBND", "trả lại để chỉnh sửa", "Lý do: Thiếu số liệu chỉ tiêu số trẻ em được tiếp cận",
                        "trước ngày 20/07/2024");
        given().auth().oauth2(token(t.city(), "viewer")).queryParam("status", "overdue")
                .when().get("/api/v1/deadlines").then().statusCode(200)
                .body("items.obligationId", contains(o.id().toString()));

        runAt(at(2024, 7, 23));
        assertThat(inbox(t.ward(0))).extracting(i -> i.get("subject")).as("the steps after the return resume; none is "
                        + "sent for the time the report was in")
                .containsExactly("Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 7 ngày",
                        "Báo cáo Kế hoạch số 75/KH-UBND bị trả lại", "Quá hạn báo cáo 3 ngày: Kế hoạch số 75/KH-UBND");

        clock.set(at(2024, 7, 24));
        awaitConsumed(publish(submitted(o, 2)));
        runAt(at(2024, 7, 27));
        assertThat(inboxKinds(t.city())).as("no escalation for a report that came in; its only ward's report "
                + "was announced once, not again on resubmission").containsExactly("ALL_CHILDREN_REPORTED");
    }

    @Test
    void aServiceThatWasDownThroughAReminderSendsItWhenItComesBack() {
        Tree t = tree("Phường Thắng Lợi");
        oblige(t.ward(0), t.city());

        runAt(at(2024, 7, 14).plusHours(9));
        assertThat(inbox(t.ward(0))).extracting(i -> i.get("subject"))
                .containsExactly("Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 7 ngày");

        // Down from the 15th to the 21st: the due notice and the -3/-1 reminders passed meanwhile.
        runAt(at(2024, 7, 21).plusHours(8));
        runAt(at(2024, 7, 21).plusHours(9));
        assertThat(inbox(t.ward(0))).extracting(i -> i.get("subject")).as("only the latest missed notice is still true")
                .containsExactly("Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 7 ngày",
                        "Quá hạn báo cáo 1 ngày: Kế hoạch số 75/KH-UBND");

        // Down through the escalation's moment: it still reaches the city when the service is back.
        runAt(at(2024, 7, 29));
        assertThat(inboxKinds(t.city())).containsExactly("ESCALATION");
        assertThat(inboxKinds(t.ward(0))).containsExactly("REMINDER", "OVERDUE", "OVERDUE");
    }

    @Test
    void aMovedDeadlineIsRemindedOfAnewForItsNewDate() {
        Tree t = tree("Phường Ngô Mây");
        ObligationSnapshot o = oblige(t.ward(0), t.city());
        runAt(at(2024, 7, 13));

        clock.set(at(2024, 7, 14));
        ObligationSnapshot moved = new ObligationSnapshot(o.id(), o.planId(), o.planNumber(), o.planTitle(),
                o.campaignId(), o.campaignYear(), o.unitId(), o.recipientId(), null, o.indicatorSetCode(),
                at(2024, 7, 27), "OPEN", 2, o.unitId(), null, null, "FINAL", java.util.List.of(), false);
        awaitConsumed(publish(new vn.actionmonth.events.plan.ObligationChanged(moved)));
        runAt(at(2024, 7, 19));
        runAt(at(2024, 7, 20));

        assertThat(inbox(t.ward(0))).extracting(i -> (String) i.get("body")).satisfiesExactly(
                first -> assertThat(first).contains("trước ngày 20/07/2024 (còn 7 ngày)"),
                second -> assertThat(second).contains("trước ngày 27/07/2024 (còn 7 ngày)"));
        given().auth().oauth2(token(t.ward(0), "viewer")).when().get("/api/v1/deadlines").then().statusCode(200)
                .body("items[0].dueAt", equalTo("2024-07-27T00:00:00+07:00"))
                .body("items[0].state", equalTo("OPEN"))
                .body("items[0].nextReminderAt", equalTo("2024-07-24T00:00:00+07:00"));
    }

    @Test
    void aCancelledObligationStopsEverything() {
        Tree t = tree("Phường Duy Tân");
        ObligationSnapshot o = oblige(t.ward(0), t.city());
        runAt(at(2024, 7, 13));

        ObligationSnapshot cancelled = new ObligationSnapshot(o.id(), o.planId(), o.planNumber(), o.planTitle(),
                o.campaignId(), o.campaignYear(), o.unitId(), o.recipientId(), null, o.indicatorSetCode(), o.dueAt(),
                "CANCELLED", 2, o.unitId(), null, null, "FINAL", java.util.List.of(), false);
        awaitConsumed(publish(new vn.actionmonth.events.plan.ObligationCancelled(cancelled, "Đơn vị sáp nhập")));
        runAt(at(2024, 7, 20));
        runAt(at(2024, 7, 30));

        assertThat(inboxKinds(t.ward(0))).containsExactly("REMINDER");
        assertThat(inbox(t.city())).isEmpty();
    }

    @Test
    void anObligationHandedToASuccessorIsRemindedToItNamingTheUnitItReplacesAndTheCeasedUnitHearsNothing() {
        Tree t = tree("Phường Nguyễn Trãi", "Phường Đăk Bla");
        UnitSnapshot ceased = t.ward(0);
        UnitSnapshot successor = t.ward(1);
        ObligationSnapshot o = oblige(ceased, t.city());
        runAt(at(2024, 7, 13));
        assertThat(inboxKinds(ceased)).containsExactly("REMINDER");

        // 14 July: a reorganisation: Nguyễn Trãi ceases, its obligation passes to Đăk Bla.
        clock.set(at(2024, 7, 14));
        UnitSnapshot gone = new UnitSnapshot(ceased.id(), ceased.kind(), ceased.name(), ceased.shortName(), null, null,
                ceased.parentId(), ceased.ancestorIds(), List.of(new UnitSnapshot.ParentPeriod(ceased.parentId(),
                java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2024, 7, 14))), java.time.LocalDate.of(2020, 1, 1),
                java.time.LocalDate.of(2024, 7, 14), true, 2);
        ObligationSnapshot handed = new ObligationSnapshot(o.id(), o.planId(), o.planNumber(), o.planTitle(),
                o.campaignId(), o.campaignYear(), successor.id(), o.recipientId(), null, o.indicatorSetCode(), o.dueAt(),
                "OPEN", 2, ceased.id(), java.time.LocalDate.of(2024, 7, 14), null, "FINAL", java.util.List.of(), false);
        awaitConsumed(publish(new vn.actionmonth.events.plan.UnitRetired(gone, java.time.LocalDate.of(2024, 7, 14))),
                publish(new vn.actionmonth.events.plan.ObligationChanged(handed)));
        runAt(at(2024, 7, 17));
        runAt(at(2024, 7, 20));

        assertThat(inboxKinds(ceased)).as("nothing more for a unit that no longer exists").containsExactly("REMINDER");
        assertThat(inbox(successor)).extracting(i -> (String) i.get("body")).isNotEmpty()
                .allSatisfy(body -> assertThat(body).startsWith("Kính gửi Phường Đăk Bla (thay cho Phường Nguyễn Trãi (cũ)):"));

        // A notice meant for the ceased unit itself (a plan published to it late) is not sent either.
        vn.actionmonth.notification.service.Notice late = new vn.actionmonth.notification.service.Notice(
                vn.actionmonth.notification.domain.NotificationKind.PLAN_PUBLISHED, "late|" + ceased.id(), ceased.id(), null,
                o.planId(), "Kế hoạch đã được ban hành", "Kính gửi Phường Nguyễn Trãi", LINK_BASE);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> notifier.notify(late))).isZero();
    }

    @Test
    void theConsolidatingUnitHearsTheEscalationAndThatAllChildrenReportedAsTheRecipientDoes() {
        Tree t = tree("Phường Quyết Thắng", "Phường Thống Nhất");
        UnitSnapshot labour = unit("DEPARTMENT", "Phòng Lao động - Thương binh và Xã hội thành phố Kon Tum", t.city());
        awaitConsumed(publish(new vn.actionmonth.events.plan.UnitCreated(labour)));
        ObligationSnapshot late = through(obligation(t.ward(0), t.city(), DUE), labour);
        ObligationSnapshot onTime = through(obligation(t.ward(1), t.city(), DUE), labour);
        awaitConsumed(publish(new vn.actionmonth.events.plan.ObligationCreated(late)),
                publish(new vn.actionmonth.events.plan.ObligationCreated(onTime)));
        awaitConsumed(publish(submitted(onTime, 1)));

        runAt(at(2024, 7, 29));
        assertThat(inboxKinds(t.city())).containsOnlyOnce("ESCALATION");
        assertThat(inboxKinds(labour)).as("the consolidating unit chases the late ward too").containsOnlyOnce("ESCALATION");

        awaitConsumed(publish(submitted(late, 1)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inboxKinds(t.city())).contains("ALL_CHILDREN_REPORTED");
            assertThat(inboxKinds(labour)).contains("ALL_CHILDREN_REPORTED");
        });
    }

    private static ObligationSnapshot through(ObligationSnapshot o, UnitSnapshot via) {
        return new ObligationSnapshot(o.id(), o.planId(), o.planNumber(), o.planTitle(), o.campaignId(), o.campaignYear(),
                o.unitId(), o.recipientId(), via.id(), o.indicatorSetCode(), o.dueAt(), o.status(), o.version(),
                o.originalUnitId(), o.handedOverOn(), null, "FINAL", java.util.List.of(), false);
    }
}
