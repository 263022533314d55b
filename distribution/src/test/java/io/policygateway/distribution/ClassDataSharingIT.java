package io.policygateway.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.distribution.UnpackedDistribution.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keeps the classes a gateway run loaded in {@code data/.cds/} so the next start is
 * faster, without writing JVM messages into the gateway's log stream.
 */
@Timeout(240)
class ClassDataSharingIT {
    @TempDir
    Path folder;

    @Test
    void aStoppedGatewayLeavesAClassArchiveThatTheNextStartUsesQuietly() throws IOException, InterruptedException {
        UnpackedDistribution distribution = UnpackedDistribution.unpackInto(folder);
        Path archives = distribution.home().resolve("data/.cds");

        CommandResult keygen = distribution.run(List.of(distribution.launcher().toString(), "keygen"), distribution.cleanEnvironment());
        assertEquals(0, keygen.exitCode(), keygen.output());
        assertEquals(List.of(), archivesIn(archives), "a keygen run records no archive: it loads too few classes");

        try (RunningGateway first = distribution.start(List.of(), distribution.cleanEnvironment()).awaitHealthy()) {
            assertTrue(first.stop(), first.output());
            assertFalse(first.output().contains("[cds"), "no JVM archive messages in the log stream:\n" + first.output());
        }
        List<Path> written = archivesIn(archives);
        assertEquals(1, written.size(), "one archive after the first run: " + written);
        assertTrue(Files.size(written.getFirst()) > 1_000_000, written.getFirst() + " holds the loaded classes");

        try (RunningGateway second = distribution.start(List.of(), distribution.cleanEnvironment()).awaitHealthy()) {
            assertTrue(second.stop(), second.output());
            assertFalse(second.output().contains("[cds"), "no JVM archive messages in the log stream:\n" + second.output());
        }
    }

    private static List<Path> archivesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
