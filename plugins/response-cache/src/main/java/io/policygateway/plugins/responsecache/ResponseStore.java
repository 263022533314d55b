package io.policygateway.plugins.responsecache;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Stored answers by cache key: at most {@code maxEntries}, the least recently used evicted first,
 * each served for {@code ttl} after it was stored. Expired answers are dropped when looked up, and
 * all of them at most every {@code ttl / 2} when something is stored. Answers are kept serialised,
 * so the memory held is about {@code maxEntries} times the size of the answers. Thread-safe.
 */
final class ResponseStore {
    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final IntConsumer sizeChanged;
    private final Map<String, Entry> entries;
    private Instant lastSweep;

    /** One stored answer: the completion as serialised JSON (never changed once stored). */
    private record Entry(byte[] completion, Instant storedAt) {
    }

    /**
     * @param sizeChanged told the change in the number of entries (+1, -n) after each change
     */
    ResponseStore(int maxEntries, Duration ttl, Clock clock, IntConsumer sizeChanged) {
        this.maxEntries = maxEntries;
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sizeChanged = requireNonNull(sizeChanged, "sizeChanged is null");
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
        this.lastSweep = clock.instant();
    }

    /** The answer stored under {@code key} if it has not expired. */
    Optional<Stored> get(String key) {
        Instant now = clock.instant();
        Entry entry;
        synchronized (this) {
            entry = entries.get(key);
            if (entry != null && expired(entry, now)) {
                entries.remove(key);
                sizeChanged.accept(-1);
                entry = null;
            }
        }
        return Optional.ofNullable(entry).map(found -> new Stored(found.completion(), Duration.between(found.storedAt(), now)));
    }

    /**
     * A hit.
     *
     * @param completion the answer as serialised JSON; callers must not change the array
     * @param age how long ago it was stored
     */
    record Stored(byte[] completion, Duration age) {
    }

    /** Stores {@code completion} (serialised JSON, not changed afterwards) under {@code key}, replacing an older answer. */
    void put(String key, byte[] completion) {
        Entry entry = new Entry(completion, clock.instant());
        synchronized (this) {
            sweepIfDue(entry.storedAt());
            int change = entries.put(key, entry) == null ? 1 : 0;
            if (entries.size() > maxEntries) {
                Iterator<String> eldest = entries.keySet().iterator();
                eldest.next();
                eldest.remove();
                change--;
            }
            if (change != 0) {
                sizeChanged.accept(change);
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Forgets every answer (when the instance is closed), so the entry count falls back. */
    synchronized void clear() {
        int removed = entries.size();
        entries.clear();
        if (removed > 0) {
            sizeChanged.accept(-removed);
        }
    }

    private void sweepIfDue(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(ttl.dividedBy(2)) < 0) {
            return;
        }
        lastSweep = now;
        int removed = 0;
        for (Iterator<Entry> all = entries.values().iterator(); all.hasNext(); ) {
            if (expired(all.next(), now)) {
                all.remove();
                removed++;
            }
        }
        if (removed > 0) {
            sizeChanged.accept(-removed);
        }
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.storedAt().plus(ttl));
    }
}
