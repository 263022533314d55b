package io.policygateway.distribution;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution zip built by this module, unpacked into a folder the way {@code unzip} does it:
 * with the POSIX permissions stored in the zip, so {@code bin/policy-gateway} and the bundled
 * runtime are executable only if the zip says so.
 *
 * <p>Processes are started with an environment holding nothing but {@code PATH} (and
 * {@code JAVA_HOME} when the zip has no bundled runtime), so no provider key of the machine
 * running the build leaks into the gateway.
 */
final class UnpackedDistribution {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;

    private UnpackedDistribution(Path home) {
        this.home = requireNonNull(home, "home is null");
    }

    /** Unpacks the zip named by the {@code distribution.zip} system property into {@code folder}. */
    static UnpackedDistribution unpackInto(Path folder) throws IOException {
        requireNonNull(folder, "folder is null");
        Path zip = Path.of(requireNonNull(System.getProperty("distribution.zip"), "system property distribution.zip is not set"));
        String name = requireNonNull(System.getProperty("distribution.name"), "system property distribution.name is not set");
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true))) {
            Path root = archive.getPath("/");
            try (Stream<Path> entries = Files.walk(root)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Path target = folder.resolve(root.relativize(entry).toString());
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(entry, target);
                    }
                    if (!entry.equals(root)) {
                        Files.setPosixFilePermissions(target, Files.readAttributes(entry, PosixFileAttributes.class).permissions());
                    }
                }
            }
        }
        return new UnpackedDistribution(folder.resolve(name));
    }

    Path home() {
        return home;
    }

    Path launcher() {
        return home.resolve("bin/policy-gateway");
    }

    boolean hasBundledRuntime() {
        return Files.isExecutable(home.resolve("runtime/bin/java"));
    }

    /** A clean environment: the PATH, and JAVA_HOME only when the zip has no runtime of its own. */
    Map<String, String> cleanEnvironment() {
        if (hasBundledRuntime()) {
            return Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");
        }
        return Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"));
    }

    /** Runs {@code command} (the launcher and its arguments) to completion and returns its exit code and output. */
    CommandResult run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile(home, "command", ".out");
        Process process = processBuilder(command, environment, output).start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + COMMAND_TIMEOUT + ":\n" + Files.readString(output));
        }
        return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Starts the launcher with {@code arguments} and {@code --port <free port>}; the caller closes the result. */
    RunningGateway start(List<String> arguments, Map<String, String> environment) throws IOException {
        int port = freePort();
        List<String> withPort = new ArrayList<>(arguments);
        withPort.add("--port");
        withPort.add(Integer.toString(port));
        return launch(withPort, environment, port);
    }

    /**
     * Starts the launcher with exactly {@code arguments}; {@code port} is where the caller expects the
     * gateway to listen (from the environment or a config file). The caller closes the result.
     */
    RunningGateway launch(List<String> arguments, Map<String, String> environment, int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(arguments);
        Path output = home.resolve("logs/gateway-" + port + ".out");
        return new RunningGateway(processBuilder(command, environment, output).start(), port, output);
    }

    private ProcessBuilder processBuilder(List<String> command, Map<String, String> environment, Path output) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Exit code and combined stdout and stderr of a finished command. */
    record CommandResult(int exitCode, String output) {
        CommandResult {
            requireNonNull(output, "output is null");
        }
    }
}
