package io.policygateway.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.distribution.UnpackedDistribution.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/policy-gateway}: its commands, options, environment variables and how it finds and runs Java. */
@Timeout(180)
class LauncherIT {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/=.]{16,}");
    private static final Pattern SHA256_HEX = Pattern.compile("\\b[0-9a-f]{64}\\b");

    @TempDir
    static Path folder;

    static UnpackedDistribution distribution;

    @BeforeAll
    static void unpack() throws IOException {
        distribution = UnpackedDistribution.unpackInto(folder);
    }

    @Test
    void checkAcceptsTheShippedConfiguration() throws IOException, InterruptedException {
        CommandResult check = distribution.run(List.of(distribution.launcher().toString(), "--check"), distribution.cleanEnvironment());

        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void checkRejectsAConfigurationWithAnUnknownKeyAndNamesIt() throws IOException, InterruptedException {
        Path config = folder.resolve("unknown-key.yaml");
        Files.writeString(config, "server:\n  port: 5000\n  colour: blue\n");

        CommandResult check = distribution.run(
                List.of(distribution.launcher().toString(), "--check", "--config", config.toString()), distribution.cleanEnvironment());

        assertEquals(1, check.exitCode(), check.output());
        assertTrue(check.output().contains("colour"), "the error names the unknown key: " + check.output());
    }

    @Test
    void keygenPrintsANewKeyTogetherWithItsSha256Hash() throws IOException, InterruptedException {
        CommandResult keygen = distribution.run(List.of(distribution.launcher().toString(), "keygen"), distribution.cleanEnvironment());

        assertEquals(0, keygen.exitCode(), keygen.output());
        Matcher hash = SHA256_HEX.matcher(keygen.output());
        assertTrue(hash.find(), "keygen prints a SHA-256 hash: " + keygen.output());
        String printedHash = hash.group();
        Matcher token = TOKEN.matcher(keygen.output());
        boolean keyMatchesHash = false;
        while (token.find()) {
            keyMatchesHash |= sha256Hex(token.group()).equals(printedHash);
        }
        assertTrue(keyMatchesHash, "one printed token is the key whose SHA-256 is the printed hash: " + keygen.output());
    }

    @Test
    void keygenPrintsADifferentKeyEachTime() throws IOException, InterruptedException {
        CommandResult first = distribution.run(List.of(distribution.launcher().toString(), "keygen"), distribution.cleanEnvironment());
        CommandResult second = distribution.run(List.of(distribution.launcher().toString(), "keygen"), distribution.cleanEnvironment());

        assertTrue(!first.output().equals(second.output()), first.output() + "\n" + second.output());
    }

    @Test
    void listensOnThePortFromThePortEnvironmentVariable() throws IOException, InterruptedException {
        int port = UnpackedDistribution.freePort();
        Map<String, String> environment = new HashMap<>(distribution.cleanEnvironment());
        environment.put("PORT", Integer.toString(port));

        try (RunningGateway gateway = distribution.launch(List.of(), environment, port)) {
            gateway.awaitHealthy();
        }
    }

    @Test
    void readsTheConfigFileNamedByPolicyGatewayConfig() throws IOException, InterruptedException {
        int port = UnpackedDistribution.freePort();
        Path config = folder.resolve("port-" + port + ".yaml");
        Files.writeString(config, Files.readString(distribution.home().resolve("conf/gateway.yaml")).replace("port: 5000", "port: " + port));
        Map<String, String> environment = new HashMap<>(distribution.cleanEnvironment());
        environment.put("POLICY_GATEWAY_CONFIG", config.toString());

        try (RunningGateway gateway = distribution.launch(List.of(), environment, port)) {
            gateway.awaitHealthy();
        }
    }

    @Test
    void findsItsHomeWhenStartedThroughASymbolicLink() throws IOException, InterruptedException {
        Path links = Files.createDirectories(folder.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("policy-gateway"), distribution.launcher());

        CommandResult check = distribution.run(List.of(link.toString(), "--check"), distribution.cleanEnvironment());

        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void replacesItselfWithJavaSoThatSigtermReachesTheGateway() throws IOException, InterruptedException {
        try (RunningGateway gateway = distribution.start(List.of(), distribution.cleanEnvironment()).awaitHealthy()) {
            String command = gateway.process().info().command().orElse("");
            assertTrue(command.endsWith("/java"), "the launcher's process runs java itself: " + command);

            assertTrue(gateway.stop(), "the gateway exits on SIGTERM:\n" + gateway.output());
        }
    }

    @Test
    void refusesAJavaOlderThan21AndSaysWhatToInstall() throws IOException, InterruptedException {
        Path oldJava = Files.createDirectories(folder.resolve("old-java/bin"));
        Files.writeString(oldJava.getParent().resolve("release"), "JAVA_VERSION=\"17.0.12\"\n");
        Path fakeJava = Files.writeString(oldJava.resolve("java"), "#!/bin/sh\necho 'must not run' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path homeWithoutRuntime = Files.createDirectories(folder.resolve("without-runtime/bin"));
        Path launcher = Files.copy(distribution.launcher(), homeWithoutRuntime.resolve("policy-gateway"));

        CommandResult result = distribution.run(
                List.of(launcher.toString(), "--check"), Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", oldJava.getParent().toString()));

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("Java 17"), result.output());
        assertTrue(result.output().contains("21 or newer"), result.output());
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
