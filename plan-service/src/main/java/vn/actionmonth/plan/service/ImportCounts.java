package vn.actionmonth.plan.service;

/** What an import did; a second import of the same rows creates and updates nothing. */
public record ImportCounts(int created, int updated, int unchanged, long millis) {
}
