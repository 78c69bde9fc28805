package vn.actionmonth.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list: {@code page} counts from 0. */
@Schema(description = "One page of a list; page counts from 0")
public record PageView<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Page number, from 0", examples = "0") int page,
        @Schema(description = "Page size", examples = "20") int size,
        @Schema(description = "Items over all pages", examples = "57") long total) {
}
