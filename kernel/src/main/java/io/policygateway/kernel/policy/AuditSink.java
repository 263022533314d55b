package io.policygateway.kernel.policy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of daily audit files ({@code audit-YYYY-MM-DD.jsonl}), one JSON object per line. A
 * background job deletes files older than the retention (checked at start and hourly).
 */
public final class AuditSink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditSink.class);

    private final Path folder;
    private final int retentionDays;
    private final Clock clock;
    private final ScheduledExecutorService janitor;

    public AuditSink(Path folder, int retentionDays, Clock clock) {
        this.folder = folder;
        this.retentionDays = retentionDays;
        this.clock = clock;
        this.janitor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("audit-retention").factory());
        janitor.scheduleWithFixedDelay(this::enforceRetention, 0, 1, TimeUnit.HOURS);
    }

    public Path folder() {
        return folder;
    }

    synchronized void append(LocalDate day, String line) {
        try {
            Files.createDirectories(folder);
            try (Writer out = Files.newBufferedWriter(folder.resolve("audit-" + day + ".jsonl"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            log.warn("Writing the audit record to {} failed: {}", folder, e.getMessage());
        }
    }

    /** Deletes audit files older than the retention; returns how many. */
    public int enforceRetention() {
        if (retentionDays <= 0 || !Files.isDirectory(folder)) {
            return 0;
        }
        LocalDate oldest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(retentionDays);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "audit-*.jsonl")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                LocalDate day = LocalDate.parse(name.substring("audit-".length(), name.length() - ".jsonl".length()));
                if (day.isBefore(oldest)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Enforcing audit retention in {} failed: {}", folder, e.getMessage());
        }
        return deleted;
    }

    @Override
    public void close() {
        janitor.shutdownNow();
    }
}
