package vn.actionmonth.events;

import java.util.List;

/**
 * Every topic of the system: one per owning service and kind of thing, versioned in the name.
 * The record key is the id of the thing an event is about, so its events stay in order.
 *
 * <p>Units and obligations are facts a new consumer must rebuild from, so their topics are
 * compacted and every event on them carries the whole current state of its unit or obligation:
 * the last event per key is enough.
 */
public final class Topics {

    /** Key: unit id. Compacted. Types: UnitCreated, UnitChanged, UnitMoved, UnitRetired, UnitsMerged. */
    public static final String UNITS = "plan.units.v1";
    /** Key: plan id. Types: PlanPublished, PlanAmended, PlanClosed. */
    public static final String PLANS = "plan.plans.v1";
    /** Key: obligation id. Compacted. Types: ObligationCreated, ObligationChanged, ObligationCancelled. */
    public static final String OBLIGATIONS = "plan.obligations.v1";
    /** Key: obligation id. Types: ReportSubmitted, ReportReturned, ReportApproved. */
    public static final String REPORTS = "report.reports.v1";
    /** Key: unit id + ":" + plan id. Types: ConsolidationChanged. */
    public static final String CONSOLIDATIONS = "report.consolidations.v1";
    /** Key: notification id. Types: NotificationSent, NotificationFailed. */
    public static final String DELIVERIES = "notification.deliveries.v1";

    public static final List<TopicSpec> ALL = List.of(
            TopicSpec.compacted(UNITS, 3),
            TopicSpec.retained(PLANS, 3, -1),
            TopicSpec.compacted(OBLIGATIONS, 6),
            TopicSpec.retained(REPORTS, 6, -1),
            TopicSpec.retained(CONSOLIDATIONS, 6, 30),
            TopicSpec.retained(DELIVERIES, 3, 90),
            deadLetter("plan-service"),
            deadLetter("report-service"),
            deadLetter("notification-service"));

    private Topics() {
    }

    /** Where a service's consumer puts what it cannot parse or apply: {@code <service>.dlt.v1}. */
    public static String deadLetterOf(String service) {
        return service + ".dlt.v1";
    }

    /** A dead-letter topic: one partition, kept until someone has looked at it. */
    public static TopicSpec deadLetter(String service) {
        return TopicSpec.retained(deadLetterOf(service), 1, -1);
    }

    public static TopicSpec spec(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }

    /**
     * @param retentionDays -1 keeps records forever; ignored for compacted topics
     */
    public record TopicSpec(String name, int partitions, boolean compacted, int retentionDays) {

        static TopicSpec compacted(String name, int partitions) {
            return new TopicSpec(name, partitions, true, -1);
        }

        static TopicSpec retained(String name, int partitions, int retentionDays) {
            return new TopicSpec(name, partitions, false, retentionDays);
        }

        public java.util.Map<String, String> configs() {
            if (compacted) {
                return java.util.Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "3600000");
            }
            long ms = retentionDays < 0 ? -1 : retentionDays * 86_400_000L;
            return java.util.Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(ms));
        }
    }
}
