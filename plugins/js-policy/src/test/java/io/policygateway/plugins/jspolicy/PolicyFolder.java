package io.policygateway.plugins.jspolicy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Guardrail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary policies folder with its own factory and plugin context, as one gateway would have.
 * Closing it closes the guardrails it created and deletes the folder.
 */
final class PolicyFolder implements AutoCloseable {
    private final Path home;
    private final Path directory;
    private final TestPluginContext context;
    private final JsPolicyGuardrailFactory factory = new JsPolicyGuardrailFactory();
    private final List<Guardrail> created = new ArrayList<>();

    private PolicyFolder(Path home) {
        this.home = home;
        this.directory = home.resolve("policies");
        this.context = new TestPluginContext(home);
    }

    static PolicyFolder create() {
        try {
            PolicyFolder folder = new PolicyFolder(Files.createTempDirectory("js-policy-test"));
            Files.createDirectories(folder.directory);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    TestPluginContext context() {
        return context;
    }

    JsPolicyGuardrailFactory factory() {
        return factory;
    }

    PolicyFolder write(String name, String text) {
        try {
            Path file = directory.resolve(name);
            Path staged = directory.resolve("." + name + ".tmp");
            Files.writeString(staged, text);
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A guardrail for {@code script} with the defaults (in {@code <home>/policies}). */
    Guardrail guardrail(String script) {
        return guardrail(config(script));
    }

    /** A guardrail from a config mapping. */
    Guardrail guardrail(ObjectNode config) {
        Guardrail guardrail = factory.create(new PluginConfig("gateway.yaml", "plugins[0].config", config), context);
        created.add(guardrail);
        return guardrail;
    }

    /** A config mapping naming {@code script}; tests add keys to it. */
    ObjectNode config(String script) {
        ObjectNode config = Chat.JSON.createObjectNode();
        config.put("script", script);
        return config;
    }

    @Override
    public void close() throws IOException {
        for (Guardrail guardrail : created) {
            ((JsGuardrail) guardrail).close();
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
