package io.policygateway.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.distribution.UnpackedDistribution.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java command line {@code bin/policy-gateway} builds, seen through a stand-in {@code java} that
 * prints its arguments one per line instead of starting a JVM.
 */
class LauncherCommandLineIT {
    private static final String MAIN_CLASS = "io.policygateway.kernel.Main";

    @TempDir
    static Path folder;

    static UnpackedDistribution distribution;
    static Path launcher;
    static Path javaHome;

    @BeforeAll
    static void prepareAHomeWithAnArgumentPrintingJava() throws IOException {
        distribution = UnpackedDistribution.unpackInto(folder.resolve("zip"));
        Path home = Files.createDirectories(folder.resolve("home with space/bin"));
        launcher = Files.copy(distribution.launcher(), home.resolve("policy-gateway"));
        javaHome = Files.createDirectories(folder.resolve("java"));
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Files.createDirectories(javaHome.resolve("lib/server"));
        Files.writeString(javaHome.resolve("lib/server/classes.jsa"), "base archive stand-in");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor argument in \"$@\"; do printf '%s\\n' \"$argument\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void passesItsArgumentsToTheGatewayUnchanged() throws IOException, InterruptedException {
        List<String> arguments = javaArguments(Map.of(), "--config", "/etc/policy gateway/gateway.yaml", "--port", "8080");

        int main = arguments.indexOf(MAIN_CLASS);
        assertEquals(List.of("--config", "/etc/policy gateway/gateway.yaml", "--port", "8080"), arguments.subList(main + 1, arguments.size()));
        assertEquals("-cp", arguments.get(main - 2));
        assertTrue(arguments.get(main - 1).endsWith("home with space/lib/*"), arguments.toString());
        assertTrue(arguments.stream().anyMatch(argument -> argument.startsWith("-Dpolicy.gateway.home=") && argument.endsWith("home with space")),
                arguments.toString());
    }

    @Test
    void putsJavaOptionsAfterItsOwnSoThatTheyWin() throws IOException, InterruptedException {
        List<String> arguments = javaArguments(Map.of("JAVA_OPTS", "-Xmx256m -XX:+UseG1GC"));

        int javaOptions = arguments.indexOf("-Xmx256m");
        assertEquals("-XX:+UseG1GC", arguments.get(javaOptions + 1));
        assertTrue(javaOptions > arguments.indexOf("--enable-native-access=ALL-UNNAMED"), arguments.toString());
        assertTrue(javaOptions > arguments.indexOf("--sun-misc-unsafe-memory-access=allow"), arguments.toString());
        assertTrue(javaOptions < arguments.indexOf(MAIN_CLASS), arguments.toString());
        assertFalse(arguments.contains("-XX:+UseSerialGC"), "a collector chosen in JAVA_OPTS is the only one: " + arguments);
    }

    @Test
    void recordsAClassArchiveForGatewayRunsOnly() throws IOException, InterruptedException {
        assertTrue(javaArguments(Map.of()).stream().anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=")));
        assertFalse(javaArguments(Map.of(), "keygen").stream().anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=")));
        assertFalse(javaArguments(Map.of(), "--check").stream().anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=")));
        assertFalse(javaArguments(Map.of("JAVA_OPTS", "-XX:StartFlightRecording=filename=gateway.jfr")).stream()
                .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=")), "the JVM turns JFR off in a run that writes the archive");
    }

    private static List<String> javaArguments(Map<String, String> extraEnvironment, String... gatewayArguments)
            throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", javaHome.toString()));
        environment.putAll(extraEnvironment);
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(gatewayArguments));
        CommandResult result = distribution.run(command, environment);
        assertEquals(0, result.exitCode(), result.output());
        return result.output().lines().toList();
    }
}
