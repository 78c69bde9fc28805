package vn.actionmonth.plan.rest;

import vn.actionmonth.common.problem.Problems;

/** Strong ETags from entity versions: {@code "3"}. */
final class ETags {

    private ETags() {
    }

    /** The version If-Match names; 428 when absent, 412 when it is not one of ours. */
    static long required(String ifMatch) {
        Long v = optional(ifMatch);
        if (v == null) {
            throw Problems.preconditionRequired("send If-Match with the ETag you read");
        }
        return v;
    }

    static Long optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Problems.preconditionFailed("If-Match " + ifMatch + " is not a current ETag");
        }
    }
}
