package vn.actionmonth.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.report.ReportReturned;
import vn.actionmonth.notification.delivery.WebhookSignature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Email over a real SMTP server and signed webhooks to a real HTTP server, with retries. */
@QuarkusTest
class DeliveryTest extends NotificationTestBase {

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void anEmailReachesTheSmtpServerWithTheRightRecipientAndSubject() throws Exception {
        Tree t = tree("Phường Trường Chinh");
        subscribe(t.ward(0), "EMAIL", "VanPhong@TruongChinh.KonTum.gov.vn");
        ObligationSnapshot o = oblige(t.ward(0), t.city());

        runAt(at(2024, 7, 13));

        List<MimeMessage> mails = mailsTo("vanphong@truongchinh.kontum.gov.vn");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 7 ngày");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("thongbao@thangvihanhdong.gov.vn");
        assertThat(((String) mail.getContent()).strip()).contains("Phường Trường Chinh", "trước ngày 20/07/2024",
                LINK_BASE + "/obligations/" + o.id() + "/report");

        given().auth().oauth2(token(t.ward(0), "viewer")).queryParam("channel", "EMAIL")
                .when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.status", contains("SENT")).body("items[0].attempts", equalTo(1))
                .body("items[0].target", equalTo("vanphong@truongchinh.kontum.gov.vn"));

        runAt(at(2024, 7, 13).plusHours(1));
        assertThat(mailsTo("vanphong@truongchinh.kontum.gov.vn")).as("sent once").hasSize(1);
    }

    @Test
    void aWebhookArrivesWithASignatureTheReceiverCanVerify() throws Exception {
        Tree t = tree("Phường Ngô Mây");
        String secret = subscribe(t.ward(0), "WEBHOOK", receiver.url("/ok/ngo-may")).getString("secret");
        assertThat(secret).startsWith("whsec_");
        given().auth().oauth2(token(t.ward(0), "viewer")).when().get("/api/v1/units/{id}/channels", t.ward(0).id())
                .then().statusCode(200).body("secret", everyItem(org.hamcrest.Matchers.nullValue()));
        ObligationSnapshot o = oblige(t.ward(0), t.city());

        runAt(at(2024, 7, 13));

        List<WebhookReceiver.Request> got = receiver.requestsTo("/ok/ngo-may");
        assertThat(got).hasSize(1);
        WebhookReceiver.Request r = got.get(0);
        String timestamp = r.header(WebhookSignature.TIMESTAMP_HEADER);
        assertThat(Long.parseLong(timestamp)).isEqualTo(at(2024, 7, 13).toEpochSecond());
        assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).isEqualTo("sha256=" + hmac(secret, timestamp + ".", r.body()));
        assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).isNotEqualTo("sha256=" + hmac("whsec_other", timestamp + ".", r.body()));
        JsonNode body = mapper.readTree(r.body());
        assertThat(body.get("kind").asText()).isEqualTo("REMINDER");
        assertThat(body.get("obligationId").asText()).isEqualTo(o.id().toString());
        assertThat(body.get("subject").asText()).isEqualTo("Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 7 ngày");
        assertThat(body.get("id").asText()).isEqualTo(r.header(WebhookSignature.DELIVERY_HEADER));
    }

    @Test
    void theRequestThatCausedANoticeTravelsWithItToTheWebhookAndTheApiAndAReminderCarriesNone() {
        Tree t = tree("Phường Quyết Thắng");
        subscribe(t.ward(0), "WEBHOOK", receiver.url("/ok/quyet-thang"));
        ObligationSnapshot o = oblige(t.ward(0), t.city());
        runAt(at(2024, 7, 13));

        String requestId = "tra-lai-" + UUID.randomUUID();
        clock.set(at(2024, 7, 14));
        awaitConsumed(publishCausedBy(requestId, new ReportReturned(UUID.randomUUID(), o.id(), o.planId(), o.campaignId(),
                t.ward(0).id(), t.city().id(), 1, "Thiếu số liệu", "lanh-dao@kontum.gov.vn", clock.instant().atOffset(VN))));
        runAt(at(2024, 7, 14));

        List<WebhookReceiver.Request> got = receiver.requestsTo("/ok/quyet-thang");
        assertThat(got).extracting(r -> r.header(WebhookSignature.KIND_HEADER)).containsExactly("REMINDER", "REPORT_RETURNED");
        assertThat(got).extracting(r -> r.header(WebhookSignature.REQUEST_ID_HEADER)).containsExactly(null, requestId);
        given().auth().oauth2(token(t.ward(0), "viewer")).queryParam("kind", "REPORT_RETURNED")
                .when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.channel", containsInAnyOrder("INBOX", "WEBHOOK"))
                .body("items.requestId", everyItem(equalTo(requestId)));
        given().auth().oauth2(token(t.ward(0), "viewer")).queryParam("kind", "REMINDER")
                .when().get("/api/v1/notifications").then().statusCode(200)
                .body("items", hasSize(2)).body("items.requestId", everyItem(nullValue()));
    }

    @Test
    void aReceiverThatFailsThreeTimesThenSucceedsGetsItOnceAndOneThatAlwaysFailsEndsFailed() {
        Tree t = tree("Phường Thống Nhất", "Phường Lê Lợi");
        subscribe(t.ward(0), "WEBHOOK", receiver.url("/flaky/thong-nhat"));
        subscribe(t.ward(1), "WEBHOOK", receiver.url("/down/le-loi"));
        oblige(t.ward(0), t.city());
        ObligationSnapshot down = oblige(t.ward(1), t.city());

        // Back-off 1, 2, 4, 8 minutes: an hour between runs lets each retry come due once.
        runAt(at(2024, 7, 13));
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofHours(1));
            runScheduler();
        }

        assertThat(receiver.requestsTo("/flaky/thong-nhat")).extracting(WebhookReceiver.Request::answered)
                .containsExactly(500, 500, 500, 200);
        assertThat(receiver.acceptedAt("/flaky/thong-nhat")).hasSize(1);
        String flakyId = given().auth().oauth2(token(t.ward(0), "viewer")).queryParam("channel", "WEBHOOK")
                .when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.status", contains("SENT")).body("items[0].attempts", equalTo(4))
                .extract().path("items[0].id");
        given().auth().oauth2(token(t.ward(0), "viewer")).when().get("/api/v1/notifications/{id}/attempts", flakyId)
                .then().statusCode(200)
                .body("attempt", contains(1, 2, 3, 4))
                .body("succeeded", contains(false, false, false, true))
                .body("httpStatus", contains(500, 500, 500, 200));

        assertThat(receiver.requestsTo("/down/le-loi")).as("max-attempts, then no more").hasSize(5);
        String failedId = given().auth().oauth2(token(t.city(), "viewer")).queryParam("unit", t.ward(1).id())
                .queryParam("status", "FAILED")
                .when().get("/api/v1/notifications").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].attempts", equalTo(5))
                .body("items[0].lastError", equalTo("HTTP 503"))
                .body("items[0].obligationId", equalTo(down.id().toString()))
                .extract().path("items[0].id");
        assertThat(queryLong("SELECT count(*) FROM outbox_event WHERE type = 'NotificationFailed' AND record_key = ?",
                failedId)).as("NotificationFailed published through the outbox").isEqualTo(1);
        assertThat(queryLong("SELECT count(*) FROM outbox_event WHERE type = 'NotificationSent' AND record_key = ?",
                flakyId)).isEqualTo(1);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SmtpTestResource.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** What a receiver does: HMAC-SHA256 with the subscription's secret over timestamp + "." + body. */
    private static String hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
