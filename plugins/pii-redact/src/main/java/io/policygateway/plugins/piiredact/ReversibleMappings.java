package io.policygateway.plugins.piiredact;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds each in-flight request's placeholders between the request hook and the response hook, so
 * reversible mode can restore originals in the answer. Keyed by trace id; memory only, never
 * persisted. Thread-safe.
 *
 * <p>A mapping is taken (removed) by the response hook, dropped when the request fails, and
 * expires after {@code timeToLive} if neither happens. The store holds at most {@code capacity}
 * mappings; the oldest go first. When two requests in flight share a trace id (a caller reusing
 * {@code x-request-id}), neither gets its originals back: restoring the wrong request's values
 * would leak one caller's data to another.
 */
final class ReversibleMappings {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeToLive;
    private final int capacity;

    ReversibleMappings(Clock clock, Duration timeToLive, int capacity) {
        this.clock = requireNonNull(clock, "clock is null");
        this.timeToLive = requireNonNull(timeToLive, "timeToLive is null");
        this.capacity = capacity;
    }

    /** Remembers the placeholders issued for the request with this trace id. */
    void put(String traceId, Placeholders placeholders) {
        Instant now = clock.instant();
        if (entries.size() >= capacity) {
            evict(now);
        }
        entries.merge(traceId, new Entry(placeholders, now, false), (existing, added) -> new Entry(null, now, true));
    }

    /** Removes and returns the placeholders of the request with this trace id, if there is exactly one. */
    Optional<Placeholders> take(String traceId) {
        Entry entry = entries.remove(traceId);
        if (entry == null || entry.conflicted() || expired(entry, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.placeholders());
    }

    /** Forgets the request with this trace id (it failed). */
    void drop(String traceId) {
        entries.remove(traceId);
    }

    int size() {
        return entries.size();
    }

    private void evict(Instant now) {
        entries.values().removeIf(entry -> expired(entry, now));
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().stream()
                .sorted((left, right) -> left.getValue().created().compareTo(right.getValue().created()))
                .iterator();
        while (entries.size() >= capacity && oldest.hasNext()) {
            entries.remove(oldest.next().getKey());
        }
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.created().plus(timeToLive).isBefore(now);
    }

    /** One request's placeholders; {@code conflicted} when a second request arrived with the same trace id. */
    private record Entry(Placeholders placeholders, Instant created, boolean conflicted) {
    }
}
