package vn.actionmonth.common.rest;

/**
 * Bounds of every paged list: {@code page} from 0 to {@link #MAX_PAGE} and {@code size} from 1 to
 * at most {@link #MAX_SIZE}, so that the row offset {@code page × size} always fits an int (a
 * page of 2147483647 used to overflow it into a database error).
 */
public final class Paging {

    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_SIZE = 1_000;

    private Paging() {
    }
}
