package vn.actionmonth.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A campaign's own reminder policy, overriding the configured default. */
@Entity
@Table(name = "reminder_policy")
public class CampaignPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;

    /** Comma-separated days, e.g. "7,3,1". */
    @Column(name = "reminder_days_before")
    public String reminderDaysBefore;

    @Column(name = "at_due")
    public boolean atDue;

    @Column(name = "overdue_days_after")
    public String overdueDaysAfter;

    @Column(name = "escalation_days_after")
    public Integer escalationDaysAfter;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public ReminderPolicy toPolicy() {
        return new ReminderPolicy(days(reminderDaysBefore), atDue, days(overdueDaysAfter), escalationDaysAfter);
    }

    public void apply(ReminderPolicy p) {
        reminderDaysBefore = join(p.reminderDaysBefore());
        atDue = p.atDue();
        overdueDaysAfter = join(p.overdueDaysAfter());
        escalationDaysAfter = p.escalationDaysAfter();
    }

    private static List<Integer> days(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(Integer::valueOf).toList();
    }

    private static String join(List<Integer> days) {
        return days.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
