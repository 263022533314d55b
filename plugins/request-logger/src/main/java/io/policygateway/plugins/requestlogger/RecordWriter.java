package io.policygateway.plugins.requestlogger;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records to one table off the request path: {@link #offer} puts a record in a bounded
 * queue and returns at once (dropping it, counted, when the queue is full); one writer thread takes
 * what is queued, up to {@code batchSize} at a time, and inserts it in one transaction. The thread
 * starts with the first record, opens its connection (creating the table when missing) and reopens
 * it after a failure; a batch the database refuses twice is dropped and counted.
 *
 * <p>{@link #close} writes what is queued, then stops the thread and closes the connection; a
 * later {@link #offer} starts it again. Thread-safe.
 */
final class RecordWriter {
    private static final Logger log = LoggerFactory.getLogger(RecordWriter.class);
    private static final long POLL_MILLIS = 250;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Destination destination;
    private final RequestLogTable table;
    private final int batchSize;
    private final BlockingQueue<RequestRecord> queue;
    private final LoggerMetrics metrics;
    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean stopping;
    private volatile long lastDropWarning = System.nanoTime() - TimeUnit.MINUTES.toNanos(2);

    RecordWriter(Destination destination, String table, int queueCapacity, int batchSize, LoggerMetrics metrics) {
        this.destination = requireNonNull(destination, "destination is null");
        this.table = new RequestLogTable(table, destination.dialect());
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Queues a record; never blocks. Returns false when the queue was full and the record dropped. */
    boolean offer(RequestRecord record) {
        if (!queue.offer(requireNonNull(record, "record is null"))) {
            metrics.dropped();
            warnDropped();
            return false;
        }
        synchronized (lifecycle) {
            if (thread == null) {
                stopping = false;
                thread = Thread.ofPlatform().daemon().name("request-logger-writer").start(this::run);
            }
        }
        return true;
    }

    /** Writes everything queued so far, then stops the writer thread (waiting at most 30 s). */
    void close() {
        Thread running;
        synchronized (lifecycle) {
            running = thread;
            if (running == null) {
                return;
            }
            stopping = true;
        }
        try {
            if (!running.join(CLOSE_TIMEOUT)) {
                log.warn("The request log writer for {} did not finish within {} s; {} records were not written", destination,
                        CLOSE_TIMEOUT.toSeconds(), queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records waiting to be written. */
    int queued() {
        return queue.size();
    }

    private void run() {
        Connection connection = null;
        List<RequestRecord> batch = new ArrayList<>(batchSize);
        try {
            while (true) {
                RequestRecord first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping && finished()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                connection = write(connection, batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(connection);
            synchronized (lifecycle) {
                if (thread == Thread.currentThread()) {
                    thread = null;
                }
            }
        }
    }

    /**
     * Whether the thread may end: nothing is queued. Decided under the lock {@link #offer} takes
     * after queueing, so a record queued meanwhile either keeps this thread going or starts a new one.
     */
    private boolean finished() {
        synchronized (lifecycle) {
            if (!queue.isEmpty()) {
                return false;
            }
            thread = null;
            return true;
        }
    }

    /** Writes one batch, reconnecting once on failure; returns the connection to keep (or null). */
    private Connection write(Connection connection, List<RequestRecord> batch) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                if (connection == null) {
                    connection = destination.open();
                    table.createIfMissing(connection);
                }
                table.insert(connection, batch);
                metrics.written(batch.size());
                return connection;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection);
                connection = null;
                if (attempt == 2) {
                    metrics.failed(batch.size());
                    log.warn("Writing {} request log records to {} failed; they are dropped: {}", batch.size(), destination, e.getMessage());
                }
            }
        }
        return null;
    }

    private void warnDropped() {
        long now = System.nanoTime();
        if (now - lastDropWarning > TimeUnit.MINUTES.toNanos(1)) {
            lastDropWarning = now;
            log.warn("The request log queue for {} is full; records are dropped until the database catches up", destination);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing a request log connection failed: {}", e.getMessage());
            }
        }
    }
}
