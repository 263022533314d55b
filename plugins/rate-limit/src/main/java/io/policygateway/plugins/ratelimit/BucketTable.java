package io.policygateway.plugins.ratelimit;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Callers' buckets by caller key, at most {@code capacity} of them: the least recently seen caller
 * is forgotten first (and starts again with full buckets). Thread-safe; the lock is held only for
 * the map lookup, never while a bucket is consumed.
 */
final class BucketTable {
    private final int capacity;
    private final Supplier<CallerBuckets> create;
    private final Map<String, CallerBuckets> byCaller;

    BucketTable(int capacity, Supplier<CallerBuckets> create) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.create = requireNonNull(create, "create is null");
        this.byCaller = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CallerBuckets> eldest) {
                return size() > BucketTable.this.capacity;
            }
        };
    }

    /** The caller's buckets, created full on first sight. */
    synchronized CallerBuckets of(String caller) {
        return byCaller.computeIfAbsent(caller, any -> create.get());
    }

    synchronized int size() {
        return byCaller.size();
    }
}
