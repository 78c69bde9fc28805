package vn.actionmonth.notification;

import org.junit.jupiter.api.Test;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.domain.ReminderPolicy;
import vn.actionmonth.notification.domain.ReminderPolicy.Step;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPolicyTest {

    private static final ReminderPolicy DEFAULT = new ReminderPolicy(List.of(1, 7, 3), true, List.of(3, 1), 7);
    /** 20/07/2024 00:00 in Vietnam. */
    private static final Instant DUE = Instant.parse("2024-07-19T17:00:00Z");

    @Test
    void stepsRunFromTheFirstReminderToTheEscalation() {
        assertThat(DEFAULT.steps()).extracting(Step::code).containsExactly(
                "REMINDER-7", "REMINDER-3", "REMINDER-1", "DUE+0", "OVERDUE+1", "OVERDUE+3", "ESCALATION+7");
        assertThat(DEFAULT.steps().get(0).momentFor(DUE)).isEqualTo(Instant.parse("2024-07-12T17:00:00Z"));
    }

    @Test
    void aWindowHoldsTheStepsWhoseMomentItContains() {
        assertThat(DEFAULT.dueBetween(DUE, Instant.parse("2024-07-12T16:59:59Z"), Instant.parse("2024-07-12T17:00:00Z")))
                .containsExactly(new Step(NotificationKind.REMINDER, -7));
        assertThat(DEFAULT.dueBetween(DUE, Instant.parse("2024-07-12T17:00:00Z"), Instant.parse("2024-07-13T17:00:00Z")))
                .as("a step exactly at the start of the window was planned by the window before").isEmpty();
    }

    @Test
    void afterAnOutageOnlyTheLatestNoticeToTheUnitIsSentButTheEscalationAlways() {
        assertThat(DEFAULT.dueBetween(DUE, Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-30T00:00:00Z")))
                .containsExactly(new Step(NotificationKind.OVERDUE, 3), new Step(NotificationKind.ESCALATION, 7));
    }

    @Test
    void theNextStepIsTheFirstAfterWhatWasPlanned() {
        assertThat(DEFAULT.nextAfter(DUE, Instant.parse("2024-07-16T17:00:00Z")))
                .contains(Instant.parse("2024-07-18T17:00:00Z"));
        assertThat(DEFAULT.nextAfter(DUE, Instant.parse("2024-07-26T17:00:00Z"))).isEmpty();
        assertThat(new ReminderPolicy(List.of(), false, List.of(), null).steps()).isEmpty();
    }

    @Test
    void anEscalationTakesItsPlaceAmongTheOverdueNoticesAndComesLastOnItsDay() {
        ReminderPolicy policy = new ReminderPolicy(List.of(), false, List.of(10, 7, 1), 7);
        assertThat(policy.steps()).extracting(Step::code).containsExactly(
                "OVERDUE+1", "OVERDUE+7", "ESCALATION+7", "OVERDUE+10");
        assertThat(policy.dueBetween(DUE, Instant.parse("2024-07-26T00:00:00Z"), Instant.parse("2024-07-26T17:00:00Z")))
                .containsExactly(new Step(NotificationKind.OVERDUE, 7), new Step(NotificationKind.ESCALATION, 7));
    }
}
