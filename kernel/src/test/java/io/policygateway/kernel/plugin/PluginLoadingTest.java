package io.policygateway.kernel.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.kernel.plugin.fixture.SampleProviderFactory;
import io.policygateway.kernel.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin loading with real JARs: good, duplicate id, incompatible Plugin-Requires, corrupt, disabled. */
class PluginLoadingTest {
    @TempDir
    Path home;

    private Path plugins() throws Exception {
        return Files.createDirectories(home.resolve("plugins"));
    }

    private static PluginReport report(PluginHost host, String fileName) {
        return host.reports().stream().filter(report -> report.file().getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + fileName + " in " + host.reports()));
    }

    @Test
    void goodPluginIsLoadedAndItsExtensionsAreUsed() throws Exception {
        PluginJars.write(plugins(), "sample.jar", "sample", ">=0.1.0", SampleProviderFactory.class);
        try (PluginHost host = new PluginHost(plugins(), "0.1.0", Set.of())) {
            assertTrue(report(host, "sample.jar").loaded());
            List<ProviderFactory> factories = host.extensions(ProviderFactory.class, ProviderFactory::id);
            assertTrue(factories.stream().anyMatch(factory -> factory.id().equals("sample")));
        }
    }

    @Test
    void duplicateIdIsReportedAndSkipped() throws Exception {
        PluginJars.write(plugins(), "a-sample.jar", "sample", ">=0.1.0", SampleProviderFactory.class);
        PluginJars.write(plugins(), "b-sample.jar", "sample", ">=0.1.0", SampleProviderFactory.class);
        try (PluginHost host = new PluginHost(plugins(), "0.1.0", Set.of())) {
            long loaded = host.reports().stream().filter(PluginReport::loaded).count();
            assertEquals(1, loaded);
            PluginReport skipped = host.reports().stream().filter(report -> !report.loaded()).findFirst().orElseThrow();
            assertTrue(skipped.reason().contains("same id"), skipped.reason());
        }
    }

    @Test
    void incompatiblePluginRequiresIsReportedAndNotStarted() throws Exception {
        PluginJars.write(plugins(), "future.jar", "future", ">=9.0.0", SampleProviderFactory.class);
        try (PluginHost host = new PluginHost(plugins(), "0.1.0", Set.of())) {
            PluginReport report = report(host, "future.jar");
            assertFalse(report.loaded());
            assertTrue(report.reason().contains("requires gateway version '>=9.0.0' but this gateway is 0.1.0"), report.reason());
            assertTrue(host.extensions(ProviderFactory.class, ProviderFactory::id).stream().noneMatch(f -> f.id().equals("sample")));
        }
    }

    @Test
    void corruptFileIsReportedAndSkipped() throws Exception {
        Files.write(plugins().resolve("broken.jar"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        PluginJars.write(plugins(), "sample.jar", "sample", ">=0.1.0", SampleProviderFactory.class);
        try (PluginHost host = new PluginHost(plugins(), "0.1.0", Set.of())) {
            PluginReport broken = report(host, "broken.jar");
            assertFalse(broken.loaded());
            assertFalse(broken.reason().isBlank());
            assertTrue(report(host, "sample.jar").loaded(), "a broken neighbour does not stop good plugins");
        }
    }

    @Test
    void disabledPluginIsNotStarted() throws Exception {
        PluginJars.write(plugins(), "sample.jar", "sample", ">=0.1.0", SampleProviderFactory.class);
        try (PluginHost host = new PluginHost(plugins(), "0.1.0", Set.of("sample"))) {
            assertEquals("disabled by plugin_system.disabled", report(host, "sample.jar").reason());
        }
    }

    @Test
    void gatewayStartsDespiteBadPluginsAndShowsTheGoodOne() throws Exception {
        Files.write(plugins().resolve("broken.jar"), new byte[] {0, 1, 2});
        PluginJars.write(plugins(), "future.jar", "future", ">=9.0.0", SampleProviderFactory.class);
        PluginJars.write(plugins(), "sample.jar", "sample", ">=0.1.0", SampleProviderFactory.class);
        try (TestGateway gateway = TestGateway.builder().home(home).start()) {
            String health = gateway.get("/health").body();
            assertTrue(health.contains("sample plugin loaded from a JAR"), health);
        }
    }

    @Test
    void requiredPluginThatFailsToLoadStopsStartWithTheReason() throws Exception {
        PluginJars.write(plugins(), "future.jar", "future", ">=9.0.0", SampleProviderFactory.class);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestGateway.builder().home(home).config("plugin_system:\n  required: [future]\n").start());
        assertTrue(e.getMessage().contains("required plugin 'future' is not available: requires gateway version"), e.getMessage());
    }
}
