package vn.actionmonth.common.rest;

import jakarta.ws.rs.core.EntityTag;
import vn.actionmonth.common.problem.Problems;

/**
 * Optimistic concurrency over HTTP, the same for every resource: a resource's ETag is its
 * entity version as a strong tag ({@code "3"}); a write names the version it read in If-Match.
 * Absent where required: 428. Not a version of ours, or no longer the current one: 412.
 */
public final class Preconditions {

    /** How an operation that requires If-Match documents its 428. */
    public static final String IF_MATCH_REQUIRED = "No If-Match: send the ETag last read";

    private Preconditions() {
    }

    /** The ETag of a resource at {@code version}. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version If-Match names, for a service that compares it itself; null when If-Match is
     * absent and not {@code required}. A weak tag ({@code W/"3"}) names the same version.
     */
    public static Long expectedVersion(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw Problems.preconditionRequired("send If-Match with the ETag you read");
            }
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Problems.preconditionFailed("If-Match " + ifMatch + " is not an ETag of this resource");
        }
    }

    /**
     * Checks If-Match against the resource's current version: 428 when absent and {@code required},
     * 412 when it names another version; {@code *} matches any current version.
     */
    public static void check(String ifMatch, long current, boolean required, String what) {
        if (ifMatch != null && ifMatch.strip().equals("*")) {
            return;
        }
        Long expected = expectedVersion(ifMatch, required);
        if (expected != null && expected != current) {
            throw Problems.preconditionFailed("the " + what + " changed since it was read: its ETag is now "
                    + etag(current));
        }
    }

    /**
     * Whether If-None-Match names {@code current} (or is {@code *}): the client holds this
     * representation and is answered 304. Compared weakly, as RFC 9110 asks for If-None-Match.
     */
    public static boolean noneMatchHolds(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || current == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String v = candidate.strip();
            if (v.equals("*")) {
                return true;
            }
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            if (v.equals("\"" + current.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
