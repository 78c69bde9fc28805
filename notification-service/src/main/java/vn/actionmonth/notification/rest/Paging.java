package vn.actionmonth.notification.rest;

import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;

import java.util.ArrayList;
import java.util.List;

/** Checks the {@code page} and {@code size} query parameters every list takes. */
final class Paging {

    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static void check(int page, int size) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (page < 0 || page > vn.actionmonth.common.rest.Paging.MAX_PAGE) {
            violations.add(Problem.Violation.query("page", "must be between 0 and " + vn.actionmonth.common.rest.Paging.MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(Problem.Violation.query("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
    }
}
