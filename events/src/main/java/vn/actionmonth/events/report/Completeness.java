package vn.actionmonth.events.report;

/**
 * Reports in a unit's subtree for one plan.
 *
 * @param owed     reports owed (open obligations)
 * @param received of those, submitted or approved
 * @param onTime   of those received, how many arrived before their deadline
 * @param late     received after the deadline
 * @param missing  owed and not received
 */
public record Completeness(int owed, int received, int onTime, int late, int missing) {
}
