package vn.actionmonth.events.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The events applied in one transaction. Handlers that aggregate (for example consolidation)
 * keep their per-batch state here rather than in their beans, and write it once per batch with
 * {@link #beforeCommit(Runnable)}.
 */
public final class ConsumerBatch {

    private final Map<Object, Object> attachments = new LinkedHashMap<>();
    private final List<Runnable> beforeCommit = new ArrayList<>();

    /** The attachment under {@code key}, created by {@code init} (and its flush registered) on first use. */
    @SuppressWarnings("unchecked")
    public <T> T attachment(Object key, Supplier<T> init) {
        return (T) attachments.computeIfAbsent(key, k -> init.get());
    }

    /** Runs {@code action} once, after the last event of the batch and before the commit. */
    public void beforeCommit(Runnable action) {
        beforeCommit.add(action);
    }

    void runBeforeCommit() {
        // Actions may register more actions (a flush that emits events): run until none are left.
        for (int i = 0; i < beforeCommit.size(); i++) {
            beforeCommit.get(i).run();
        }
    }
}
