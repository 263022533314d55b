package io.policygateway.plugins.mcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference MCP server {@code @modelcontextprotocol/server-everything} from npm, pinned in
 * {@code src/test/node/package.json} and its lock file. Installed with {@code npm ci} the first
 * time a test needs it; tests are skipped, saying why, when node or npm is missing or the install fails.
 */
final class EverythingServer {
    private static final Path FOLDER = Path.of("src", "test", "node").toAbsolutePath();
    private static final Path SCRIPT = FOLDER.resolve(
            Path.of("node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js"));
    private static final Path INSTALL_LOG = Path.of("target", "npm-ci.log").toAbsolutePath();
    private static final long INSTALL_TIMEOUT_SECONDS = 180;

    private static String skipReason;

    private EverythingServer() {
    }

    /** The node executable; skips the calling test when the server cannot be run here. */
    static String node() {
        ensureInstalled();
        return executable("node").orElseThrow().toString();
    }

    /** The server's entry script, run as {@code node <script> stdio}. */
    static Path script() {
        ensureInstalled();
        return SCRIPT;
    }

    private static synchronized void ensureInstalled() {
        if (skipReason == null && !Files.isRegularFile(SCRIPT)) {
            skipReason = install();
        }
        if (skipReason != null) {
            System.out.println("Skipping: " + skipReason);
        }
        assumeTrue(skipReason == null, () -> skipReason);
    }

    /** Runs {@code npm ci}; returns why the server cannot be used, or null when it can. */
    private static String install() {
        if (executable("node").isEmpty()) {
            return "node is not on the PATH; the stdio MCP tests need Node 20 or newer";
        }
        Optional<Path> npm = executable("npm");
        if (npm.isEmpty()) {
            return "npm is not on the PATH; the stdio MCP tests install their server with npm ci";
        }
        try {
            Files.createDirectories(INSTALL_LOG.getParent());
            Process process = new ProcessBuilder(List.of(npm.get().toString(), "ci", "--no-audit", "--no-fund",
                    "--prefix", FOLDER.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(INSTALL_LOG.toFile())
                    .start();
            if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "npm ci did not finish within " + INSTALL_TIMEOUT_SECONDS + " s";
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
                return "npm ci failed (exit " + process.exitValue() + "), see " + FOLDER.resolveSibling("npm-ci.log");
            }
            return null;
        } catch (IOException e) {
            return "npm ci could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while running npm ci";
        }
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
