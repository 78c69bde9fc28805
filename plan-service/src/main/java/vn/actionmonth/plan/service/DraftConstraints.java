package vn.actionmonth.plan.service;

import vn.actionmonth.common.problem.Problem;

import java.util.List;

/**
 * The constraints the plan API puts on what it accepts (lengths, patterns, dates), checked on a
 * draft read from a document: what the import read is answered so that it can be corrected and
 * sent through the API, so it is held to the same constraints, named by the same fields. They are
 * declared on the API's input, so the implementation lives at the edge.
 */
public interface DraftConstraints {

    /** The violations of {@code draft}, one per field; empty when it passes. */
    List<Problem.Violation> violations(PlanDraft draft);
}
