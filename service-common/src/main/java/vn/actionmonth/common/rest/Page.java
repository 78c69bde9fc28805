package vn.actionmonth.common.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list, the shape every paged endpoint of every service answers with. */
@Schema(description = "One page of a list: items, the page number (from 0), its size and the total count")
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Page number, from 0", examples = "0") int page,
        @Schema(description = "Page size", examples = "50") int size,
        @Schema(description = "Number of items over all pages", examples = "10047") long total) {

    /** The same page with each item mapped, e.g. from what a service returns to what the API shows. */
    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total);
    }
}
