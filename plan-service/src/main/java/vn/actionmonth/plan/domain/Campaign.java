package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One year's Children's Action Month: its national theme, period and numbered messages. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String theme;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> messages = new ArrayList<>();

    /** The deadline of plans whose rule is CAMPAIGN_DEFAULT ("báo cáo theo quy định"); null when the campaign gives none. */
    @Column(name = "default_due_date")
    public LocalDate defaultDueDate;

    @Column(nullable = false)
    public long version;
}
