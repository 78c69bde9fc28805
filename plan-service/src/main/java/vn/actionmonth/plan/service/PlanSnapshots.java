package vn.actionmonth.plan.service;

import vn.actionmonth.plan.domain.Plan;

/**
 * The plan as a revision records it. A revision is read back as the plan the API shows
 * (GET /api/v1/plans/{id}/revisions), so the API's representation decides the recorded document:
 * the implementation lives with it, at the edge.
 */
public interface PlanSnapshots {

    /** The plan as it stands now, as JSON. */
    String of(Plan p);
}
