package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that calls back after every change in a folder, and at least every
 * {@link #POLL_INTERVAL} in any case, so that file systems without change events (some network and
 * container mounts) are still noticed by comparing modification times. After an event it waits
 * {@link #SETTLE_TIME} so that a file being written is complete before it is read.
 */
final class FolderWatcher implements AutoCloseable {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration SETTLE_TIME = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path directory;
    private final Consumer<Boolean> onTick;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param onTick called on the watcher thread with true after a reported change, false after a
     *     quiet poll interval; must not throw
     */
    FolderWatcher(Path directory, Consumer<Boolean> onTick) {
        this.directory = requireNonNull(directory, "directory is null");
        this.onTick = requireNonNull(onTick, "onTick is null");
        this.thread = Thread.ofPlatform().daemon().name("js-policy-watch-" + directory.getFileName()).unstarted(this::run);
        this.thread.start();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void run() {
        WatchService service = register();
        try {
            while (!closed) {
                boolean changed = awaitChange(service);
                if (!closed) {
                    onTick.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Watching policy scripts in {} stopped", directory, e);
        } finally {
            closeQuietly(service);
        }
    }

    private WatchService register() {
        try {
            WatchService service = directory.getFileSystem().newWatchService();
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            if (!closed) {
                LOG.warn("Cannot watch {} for changes ({}); checking it every {} s instead", directory, e,
                        POLL_INTERVAL.toSeconds());
            }
            return null;
        }
    }

    /** Waits up to the poll interval; true when the file system reported a change. */
    private static boolean awaitChange(WatchService service) throws InterruptedException {
        if (service == null) {
            Thread.sleep(POLL_INTERVAL);
            return false;
        }
        WatchKey key = service.poll(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) {
            return false;
        }
        Thread.sleep(SETTLE_TIME);
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = service.poll();
        }
        return true;
    }

    private static void closeQuietly(WatchService service) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (IOException ignored) {
            // Nothing useful to do when closing a watch service fails.
        }
    }
}
