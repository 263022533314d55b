package io.policygateway.kernel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters for quotas and budgets, per subject and time window: requests, tokens, spend (in
 * micro-USD). Concurrent requests cannot overspend: {@link #reserve} checks and adds an estimate
 * atomically for every limit a request is subject to, {@link #settle} replaces the estimate with
 * real usage afterwards. Counters live in memory (authoritative for this instance) and are written
 * to the database every second and on close, and loaded at start, so usage survives a restart.
 */
public final class UsageLedger implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UsageLedger.class);

    private final Database database;
    private final Clock clock;
    private final Map<String, Counter> counters = new HashMap<>();
    private final ScheduledExecutorService flusher;
    private Connection connection;

    /** One counter: used (settled) plus reserved (in flight), valid until {@code windowEnd}. */
    private static final class Counter {
        long used;
        long reserved;
        final Instant windowEnd;
        boolean dirty;

        Counter(long used, Instant windowEnd) {
            this.used = used;
            this.windowEnd = windowEnd;
        }
    }

    /**
     * A limit a request is subject to.
     *
     * @param key subject, metric and window, e.g. {@code project:support-bot|tokens|day:2026-11-22}
     * @param limit the most {@code used + reserved} may reach
     * @param windowEnd when the window resets
     * @param label how the limit is named to the caller, e.g. {@code tokens per day for project support-bot}
     */
    public record Limit(String key, long limit, Instant windowEnd, String label) {
    }

    /** What was reserved, to settle later. */
    public record Reservation(List<Limit> limits, List<Long> amounts) {
    }

    /** A limit that would be exceeded. */
    public record Exceeded(Limit limit, long used) {
    }

    public UsageLedger(Database database, Clock clock) throws SQLException {
        this.database = database;
        this.clock = clock;
        this.connection = database.open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS usage_counters (counter_key TEXT PRIMARY KEY, used BIGINT NOT NULL, window_end BIGINT NOT NULL)");
            statement.execute("DELETE FROM usage_counters WHERE window_end < " + clock.millis());
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT counter_key, used, window_end FROM usage_counters")) {
            while (rows.next()) {
                counters.put(rows.getString(1), new Counter(rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3))));
            }
        }
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("usage-flush").factory());
        flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Reserves {@code amounts[i]} against {@code limits[i]} for all of them, or none.
     *
     * @return the first limit that would be exceeded, or empty when the reservation was made
     */
    public synchronized Optional<Exceeded> reserve(List<Limit> limits, List<Long> amounts) {
        for (int i = 0; i < limits.size(); i++) {
            Counter counter = counter(limits.get(i));
            if (counter.used + counter.reserved + amounts.get(i) > limits.get(i).limit()) {
                return Optional.of(new Exceeded(limits.get(i), counter.used + counter.reserved));
            }
        }
        for (int i = 0; i < limits.size(); i++) {
            counter(limits.get(i)).reserved += amounts.get(i);
        }
        return Optional.empty();
    }

    /** Replaces a reservation's amounts with the real ones (which may exceed the estimate). */
    public synchronized void settle(Reservation reservation, List<Long> actual) {
        for (int i = 0; i < reservation.limits().size(); i++) {
            Counter counter = counter(reservation.limits().get(i));
            counter.reserved = Math.max(0, counter.reserved - reservation.amounts().get(i));
            counter.used += actual.get(i);
            counter.dirty = true;
        }
    }

    /** Used plus reserved for a limit's window. */
    public synchronized long current(Limit limit) {
        Counter counter = counter(limit);
        return counter.used + counter.reserved;
    }

    private Counter counter(Limit limit) {
        Counter counter = counters.get(limit.key());
        if (counter == null || counter.windowEnd.isBefore(clock.instant())) {
            counter = new Counter(0, limit.windowEnd());
            counters.put(limit.key(), counter);
        }
        return counter;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (SQLException | RuntimeException e) {
            log.warn("Writing usage counters to {} failed: {}", database.describe(), e.getMessage());
        }
    }

    /** Writes changed counters to the database. */
    public void flush() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            counters.entrySet().removeIf(entry -> entry.getValue().windowEnd.isBefore(now) && entry.getValue().reserved == 0);
            for (Map.Entry<String, Counter> entry : counters.entrySet()) {
                if (entry.getValue().dirty) {
                    rows.add(new Object[] {entry.getKey(), entry.getValue().used, entry.getValue().windowEnd.toEpochMilli()});
                    entry.getValue().dirty = false;
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        synchronized (database) {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO usage_counters (counter_key, used, window_end) VALUES (?, ?, ?) "
                    + "ON CONFLICT (counter_key) DO UPDATE SET used = excluded.used, window_end = excluded.window_end")) {
                for (Object[] row : rows) {
                    upsert.setString(1, (String) row[0]);
                    upsert.setLong(2, (Long) row[1]);
                    upsert.setLong(3, (Long) row[2]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the usage database failed: {}", e.getMessage());
        }
    }
}
