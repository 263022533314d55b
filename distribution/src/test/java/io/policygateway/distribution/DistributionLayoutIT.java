package io.policygateway.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unpacked zip has the folders the README promises, with executables executable and plugins kept apart. */
class DistributionLayoutIT {
    @TempDir
    static Path folder;

    static UnpackedDistribution distribution;

    @BeforeAll
    static void unpack() throws IOException {
        distribution = UnpackedDistribution.unpackInto(folder);
    }

    @Test
    void unpacksIntoOneFolderNamedAfterTheVersion() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            assertEquals(List.of(distribution.home()), entries.toList());
        }
    }

    @Test
    void holdsTheLauncherConfigAndTheFoldersForPluginsPoliciesDataAndLogs() {
        Path home = distribution.home();
        assertTrue(Files.isExecutable(distribution.launcher()), "bin/policy-gateway is executable");
        assertTrue(Files.isRegularFile(home.resolve("conf/gateway.yaml")), "conf/gateway.yaml");
        for (String name : List.of("lib", "plugins", "policies", "data", "logs")) {
            assertTrue(Files.isDirectory(home.resolve(name)), name + "/ exists");
        }
    }

    @Test
    void launcherPassesThePosixShellSyntaxCheck() throws IOException, InterruptedException {
        for (String shell : List.of("/bin/sh", "/bin/dash")) {
            if (Files.isExecutable(Path.of(shell))) {
                Process check = new ProcessBuilder(shell, "-n", distribution.launcher().toString()).redirectErrorStream(true).start();
                String output = new String(check.getInputStream().readAllBytes());
                assertEquals(0, check.waitFor(), shell + " -n: " + output);
            }
        }
    }

    @Test
    void libHoldsTheKernelAndNoPluginJar() throws IOException {
        List<Path> jars = jarsIn(distribution.home().resolve("lib"));
        assertTrue(jars.stream().anyMatch(jar -> jar.getFileName().toString().equals("kernel-0.1.0.jar")), "lib/ holds the kernel: " + jars);
        for (Path jar : jars) {
            assertNull(pluginId(jar), jar + " is a plugin and must be in plugins/, not on the class path");
        }
    }

    @Test
    void everyJarInPluginsIsAPluginWithItsOwnId() throws IOException {
        List<Path> jars = jarsIn(distribution.home().resolve("plugins"));
        List<String> ids = jars.stream().map(DistributionLayoutIT::pluginId).toList();
        assertFalse(ids.contains(null), "every JAR in plugins/ carries a Plugin-Id: " + jars);
        assertEquals(ids.stream().distinct().count(), ids.size(), "plugin ids are unique: " + ids);
    }

    @Test
    void bundlesAJavaRuntimeUnlessTheBuildSkippedIt() {
        boolean skipped = Boolean.parseBoolean(System.getProperty("distribution.jlink.skipped"));
        assertEquals(!skipped, distribution.hasBundledRuntime(), "runtime/bin/java is executable unless -Dskip.jlink");
    }

    private static List<Path> jarsIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String pluginId(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Plugin-Id");
        } catch (IOException e) {
            throw new AssertionError(jar + " is not a readable JAR", e);
        }
    }
}
