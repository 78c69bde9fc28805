package vn.actionmonth.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When an open deadline is announced: reminders some days before the due instant, a notice at
 * it, overdue notices after it and an escalation to the recipient unit. A day is 24 hours
 * (Asia/Ho_Chi_Minh has no daylight saving time), so a step's moment is exact.
 *
 * @param escalationDaysAfter null for no escalation
 */
public record ReminderPolicy(List<Integer> reminderDaysBefore, boolean atDue, List<Integer> overdueDaysAfter,
                             Integer escalationDaysAfter) {

    public ReminderPolicy {
        reminderDaysBefore = reminderDaysBefore.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        overdueDaysAfter = overdueDaysAfter.stream().distinct().sorted().toList();
    }

    /**
     * One announcement of a deadline.
     *
     * @param offsetDays signed days from the due instant: -7 is a week before
     */
    public record Step(NotificationKind kind, int offsetDays) {

        public Instant momentFor(Instant dueAt) {
            return dueAt.plus(Duration.ofDays(offsetDays));
        }

        /** Identifies the step within a deadline, e.g. {@code REMINDER-7}, {@code OVERDUE+3}. */
        public String code() {
            return kind + (offsetDays < 0 ? "" : "+") + offsetDays;
        }
    }

    /** Every step, earliest first. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        reminderDaysBefore.forEach(d -> steps.add(new Step(NotificationKind.REMINDER, -d)));
        if (atDue) {
            steps.add(new Step(NotificationKind.DUE, 0));
        }
        overdueDaysAfter.forEach(d -> steps.add(new Step(NotificationKind.OVERDUE, d)));
        if (escalationDaysAfter != null) {
            steps.add(new Step(NotificationKind.ESCALATION, escalationDaysAfter));
        }
        steps.sort(Comparator.comparingInt(Step::offsetDays).thenComparing(s -> s.kind() == NotificationKind.ESCALATION));
        return steps;
    }

    /**
     * The steps to send now for a deadline whose steps up to {@code after} are done: those with a
     * moment in (after, now]. When the service was away through several of them, only the latest
     * notice to the reporting unit is sent (an old "7 days left" is wrong by then); an escalation
     * goes to another unit and is always kept.
     */
    public List<Step> dueBetween(Instant dueAt, Instant after, Instant now) {
        List<Step> passed = steps().stream()
                .filter(s -> s.momentFor(dueAt).isAfter(after) && !s.momentFor(dueAt).isAfter(now))
                .toList();
        Optional<Step> latestToUnit = passed.stream().filter(s -> s.kind() != NotificationKind.ESCALATION)
                .reduce((a, b) -> b);
        List<Step> out = new ArrayList<>();
        latestToUnit.ifPresent(out::add);
        passed.stream().filter(s -> s.kind() == NotificationKind.ESCALATION).forEach(out::add);
        return out;
    }

    /** The moment of the first step after {@code after}; empty when the policy has none left. */
    public Optional<Instant> nextAfter(Instant dueAt, Instant after) {
        return steps().stream().map(s -> s.momentFor(dueAt)).filter(m -> m.isAfter(after)).min(Comparator.naturalOrder());
    }
}
