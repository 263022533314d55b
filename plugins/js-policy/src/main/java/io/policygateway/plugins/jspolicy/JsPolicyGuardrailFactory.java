package io.policygateway.plugins.jspolicy;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * The {@code js} guardrail: sandboxed JavaScript policy scripts from the policies folder.
 *
 * <p>Configured from the {@code plugins:} list ({@code name: js}) or from an {@code AIGatewayPolicy}
 * rule with {@code guardrail.engine: js}; either way the config names a {@code script} (a file name,
 * or {@code *} for every script in the folder). See the module README for every key and for the
 * script author's API.
 *
 * <p>Guardrails on the same folder share one set of loaded scripts and one watcher thread; a
 * guardrail's {@code close()} (it implements {@link AutoCloseable}) releases it, and the watcher
 * stops when the last one is closed. Thread-safe.
 */
@Extension
public final class JsPolicyGuardrailFactory implements GuardrailFactory {
    /** The id in the {@code plugins:} list and the {@code guardrail.engine} value of policy rules. */
    public static final String ID = "js";

    private final Map<DirectoryKey, SharedDirectory> directories = new HashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    /**
     * Loads the configured script (or every script) now, so a missing or broken script is refused
     * at start, and keeps it current afterwards.
     *
     * @throws io.policygateway.api.ConfigException naming the key and, for a broken script, its file and line
     */
    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        JsPolicyConfig bound = JsPolicyConfig.bind(config, context);
        if (!Files.isDirectory(bound.directory())) {
            throw config.error("directory", "no such folder: " + bound.directory());
        }
        SharedDirectory shared = acquire(bound.directory(), context);
        try {
            checkLoaded(config, bound, shared.scripts());
        } catch (RuntimeException e) {
            release(shared);
            throw e;
        }
        return new JsGuardrail(bound, shared.scripts(),
                new HookInputs(context.json(), bound.rule(), bound.params()),
                new DecisionReader(context.json()), shared.reporter(), () -> release(shared));
    }

    private static void checkLoaded(PluginConfig config, JsPolicyConfig bound, ScriptDirectory scripts) {
        if (bound.allScripts()) {
            List<ScriptProblem> problems = scripts.wantAll();
            if (!problems.isEmpty()) {
                throw config.error("script", "policy scripts in " + bound.directory() + " have errors: "
                        + problems.stream().map(found -> found.toString(bound.directory())).collect(Collectors.joining("; ")));
            }
            return;
        }
        Optional<ScriptProblem> problem = scripts.want(bound.script());
        if (scripts.script(bound.script()) != null) {
            return;
        }
        Path file = bound.directory().resolve(bound.script());
        throw config.error("script", problem.map(found -> "policy script has an error: " + found.toString(bound.directory()))
                .orElse("no such policy script: " + file));
    }

    private synchronized SharedDirectory acquire(Path directory, PluginContext context) {
        SharedDirectory shared = directories.computeIfAbsent(new DirectoryKey(directory, context), key -> {
            ScriptReporter reporter = new ScriptReporter(context, directory);
            return new SharedDirectory(new ScriptDirectory(directory, JavaScriptRuntime::shared, reporter), reporter);
        });
        shared.users++;
        return shared;
    }

    private synchronized void release(SharedDirectory shared) {
        shared.users--;
        if (shared.users == 0) {
            directories.values().remove(shared);
            shared.scripts().close();
        }
    }

    private record DirectoryKey(Path directory, PluginContext context) {
    }

    /** One folder's scripts and how many guardrails use them (guarded by the factory's lock). */
    private static final class SharedDirectory {
        private final ScriptDirectory scripts;
        private final ScriptReporter reporter;
        private int users;

        SharedDirectory(ScriptDirectory scripts, ScriptReporter reporter) {
            this.scripts = scripts;
            this.reporter = reporter;
        }

        ScriptDirectory scripts() {
            return scripts;
        }

        ScriptReporter reporter() {
            return reporter;
        }
    }
}
