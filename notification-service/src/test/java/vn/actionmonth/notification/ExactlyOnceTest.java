package vn.actionmonth.notification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.events.plan.PlanSummary;
import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.notification.repository.NotificationRepository;
import vn.actionmonth.notification.service.Dispatcher;
import vn.actionmonth.notification.service.ReminderPlanner;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Each notification is sent once: concurrent schedulers, redelivered events, a dispatcher that died mid-send. */
@QuarkusTest
class ExactlyOnceTest extends NotificationTestBase {

    private static WebhookReceiver receiver;

    @Inject
    ReminderPlanner planner;
    @Inject
    Dispatcher dispatcher;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void twoSchedulersRunningTheSameWindowAtOnceSendEachNotificationOnce() throws Exception {
        String[] names = new String[12];
        for (int i = 0; i < names.length; i++) {
            names[i] = "Xã Đăk Năng " + (i + 1);
        }
        Tree t = tree(names);
        List<String> events = new ArrayList<>();
        for (UnitSnapshot ward : t.wards()) {
            subscribe(ward, "WEBHOOK", receiver.url("/ok/" + ward.id()));
            subscribe(ward, "EMAIL", "vanthu." + ward.id() + "@kontum.gov.vn");
            events.add(publish(new ObligationCreated(obligation(ward, t.city(), DUE))));
        }
        awaitConsumed(events.toArray(String[]::new));
        clock.set(at(2024, 7, 13));

        for (int round = 0; round < 3; round++) {
            runConcurrently(() -> runScheduler(), () -> runScheduler());
            runConcurrently(() -> planner.planDue(), () -> dispatcher.dispatchDue());
        }

        for (UnitSnapshot ward : t.wards()) {
            assertThat(inboxKinds(ward)).containsExactly("REMINDER");
            assertThat(receiver.requestsTo("/ok/" + ward.id())).hasSize(1);
            assertThat(mailsTo("vanthu." + ward.id() + "@kontum.gov.vn")).isEqualTo(1);
        }
        assertThat(queryLong("SELECT count(*) FROM notification WHERE status <> 'SENT'")).isZero();
        assertThat(queryLong("SELECT count(*) FROM delivery_attempt")).as("one attempt per email and webhook")
                .isEqualTo(2L * names.length);
    }

    @Test
    void redeliveredEventsChangeNothingAndAReplayedSnapshotMakesNothingNew() {
        Tree t = tree("Phường Ngô Mây", "Phường Trần Hưng Đạo");
        ObligationSnapshot o = obligation(t.ward(0), t.city(), DUE);
        String id = publish(new ObligationCreated(o));
        publish(new ObligationCreated(o), id);
        String replay = publish(new ObligationCreated(o));
        PlanSummary plan = new PlanSummary(planId, PLAN_NUMBER, PLAN_TITLE, t.city().id(), campaignId, 2024, null,
                LocalDate.of(2024, 5, 20), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), "PUBLISHED", 1,
                List.of(t.ward(0).id(), t.ward(1).id()), List.of(t.ward(0).id(), t.ward(1).id()), t.city().id(), null,
                "CAM-2024", DUE);
        String published = publish(new PlanPublished(plan));
        publish(new PlanPublished(plan), published);
        String republished = publish(new PlanPublished(plan));
        awaitConsumed(id, replay, published, republished);

        assertThat(queryLong("SELECT count(*) FROM deadline WHERE obligation_id = ?", o.id())).isEqualTo(1);
        assertThat(inbox(t.ward(0))).singleElement().satisfies(i -> {
            assertThat(i.get("kind")).isEqualTo("PLAN_PUBLISHED");
            assertThat(i.get("subject")).isEqualTo("Kế hoạch số 75/KH-UBND đã được ban hành");
            assertThat((String) i.get("body")).contains(PLAN_TITLE, "trước ngày 20/07/2024", LINK_BASE + "/plans/" + planId);
        });
        assertThat(inboxKinds(t.ward(1))).containsExactly("PLAN_PUBLISHED");

        runAt(at(2024, 7, 13));
        String submittedId = publish(submitted(o, 1));
        publish(submitted(o, 1), submittedId);
        String resubmitted = publish(submitted(o, 1));
        awaitConsumed(submittedId, resubmitted);
        // Every later step of the policy: had the redelivered or replayed submission been taken for anything
        // but the one submission (reopening the deadline, say), a reminder, due or overdue notice would show.
        runAt(at(2024, 7, 17));
        runAt(at(2024, 7, 19));
        runAt(at(2024, 7, 20));
        runAt(at(2024, 7, 21));
        runAt(at(2024, 7, 23));
        runAt(at(2024, 7, 27));
        assertThat(inboxKinds(t.ward(0))).containsExactly("PLAN_PUBLISHED", "REMINDER");
        assertThat(inbox(t.city())).as("no escalation, and its only ward's report announced once")
                .extracting(i -> i.get("kind")).containsExactly("ALL_CHILDREN_REPORTED");
    }

    @Test
    void aDispatcherThatDiedAfterClaimingIsTakenOverOnceItsLeaseLapses() {
        Tree t = tree("Phường Quang Trung");
        subscribe(t.ward(0), "EMAIL", "vanthu@quangtrung.kontum.gov.vn");
        oblige(t.ward(0), t.city());

        clock.set(at(2024, 7, 13));
        planner.planDue();
        List<NotificationRepository.Claimed> claimed = dispatcher.claim();
        assertThat(claimed).extracting(NotificationRepository.Claimed::target)
                .containsExactly("vanthu@quangtrung.kontum.gov.vn");
        // ... and that dispatcher dies here. The restarted service runs while the claim still holds:
        clock.advance(Duration.ofMinutes(1));
        runScheduler();
        assertThat(mailsTo("vanthu@quangtrung.kontum.gov.vn")).as("not while another may be sending it").isZero();

        clock.advance(Duration.ofMinutes(5));
        runScheduler();
        runScheduler();
        assertThat(mailsTo("vanthu@quangtrung.kontum.gov.vn")).isEqualTo(1);
        assertThat(queryLong("SELECT attempts FROM notification WHERE channel = 'EMAIL'")).isEqualTo(2);
        assertThat(inboxKinds(t.ward(0))).containsExactly("REMINDER");
    }

    private void runConcurrently(Runnable a, Runnable b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable r : List.of(a, b)) {
                done.add(pool.submit(() -> {
                    start.await();
                    r.run();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long mailsTo(String address) {
        return Arrays.stream(SmtpTestResource.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(x -> x.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
