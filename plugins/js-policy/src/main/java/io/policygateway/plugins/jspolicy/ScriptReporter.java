package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.plugins.jspolicy.CallOutcome.Failed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators about broken scripts: an SLF4J line with file and line, and a {@code script_error}
 * policy event. Load errors are reported once per file content; call failures at most once per
 * script every {@link #CALL_FAILURE_INTERVAL}, with the number of failures left unreported since.
 * Nothing reported here contains request or response text: a script's own error message is only
 * logged at DEBUG level.
 */
final class ScriptReporter {
    static final String EVENT_TYPE = "script_error";
    static final Duration CALL_FAILURE_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ScriptReporter.class);

    private final PluginContext context;
    private final Path directory;
    private final Metrics.Counter failures;
    private final ConcurrentMap<String, Throttle> throttles = new ConcurrentHashMap<>();

    ScriptReporter(PluginContext context, Path directory) {
        this.context = requireNonNull(context, "context is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.failures = context.metrics().counter("js_policy_failures_total",
                "Policy script calls that produced no decision, by reason", "reason");
    }

    /**
     * A file that changed (or was added) could not be loaded.
     *
     * @param keptVersion the version still running, if any
     */
    void loadFailed(ScriptProblem problem, Optional<String> keptVersion) {
        LOG.error("Policy script {} cannot be loaded: {}{}", directory.resolve(problem.file()) + position(problem),
                problem.message(), keptVersion.map(version -> " (version " + version + " keeps running)")
                        .orElse(" (not active)"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("phase", "load");
        attributes.put("script", problem.file());
        attributes.put("line", problem.line());
        attributes.put("column", problem.column());
        attributes.put("error", problem.message());
        keptVersion.ifPresent(version -> attributes.put("running_version", version));
        context.emit(new PolicyEvent(context.clock().instant(), EVENT_TYPE, "none", "log-only", "SCRIPT_LOAD_ERROR",
                Optional.empty(), Optional.empty(), Optional.empty(), "none", List.of(), attributes));
    }

    /** A loaded script was removed from the folder. */
    void removed(String name, String version) {
        LOG.info("Policy script {} was removed (version {} stopped)", directory.resolve(name), version);
    }

    /** A script was (re)loaded. */
    void loaded(CompiledScript script, Optional<String> previousVersion) {
        LOG.info("Policy script {} {} (version {}, hooks {})", directory.resolve(script.name()),
                previousVersion.isPresent() ? "reloaded" : "loaded", script.version(),
                String.join(", ", script.hooks().stream().sorted().toList()));
    }

    /**
     * A call produced no decision.
     *
     * @param decision the fail outcome the request got ({@code block} or {@code log-only})
     */
    void callFailed(String scriptName, String version, Failed failed, PolicyContext request, String decision) {
        failures.inc(failed.kind().label().replace(' ', '_'));
        long suppressed = throttles.computeIfAbsent(scriptName, name -> new Throttle()).admit(context.clock().millis());
        if (suppressed < 0) {
            return;
        }
        String where = failed.location().isEmpty() ? scriptName : failed.location();
        LOG.warn("Policy script {} failed: {} (trace_id={}, outcome {}{})", directory.resolve(where), failed.detail(),
                request.traceId(), decision, suppressed > 0 ? ", " + suppressed + " more failures not reported" : "");
        if (!failed.message().isEmpty()) {
            LOG.debug("Policy script {} error message: {}", scriptName, failed.message());
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("phase", "call");
        attributes.put("script", scriptName);
        attributes.put("script_version", version);
        attributes.put("error", failed.detail());
        attributes.put("location", failed.location());
        attributes.put("unreported_before", suppressed);
        context.emit(new PolicyEvent(context.clock().instant(), EVENT_TYPE, request.policyId().orElse("none"),
                decision, failed.kind().reasonCode(), request.user(), request.project(), request.target(),
                request.traceId(), List.of(), attributes));
    }

    /** Lets one report through per interval and counts the ones held back. */
    private static final class Throttle {
        private final AtomicLong lastReported = new AtomicLong(Long.MIN_VALUE);
        private final AtomicLong heldBack = new AtomicLong();

        /** @return the number held back since the last report when this one may be reported, else -1 */
        long admit(long nowMillis) {
            long last = lastReported.get();
            if (last != Long.MIN_VALUE && nowMillis - last < CALL_FAILURE_INTERVAL.toMillis()) {
                heldBack.incrementAndGet();
                return -1;
            }
            if (!lastReported.compareAndSet(last, nowMillis)) {
                heldBack.incrementAndGet();
                return -1;
            }
            return heldBack.getAndSet(0);
        }
    }

    private static String position(ScriptProblem problem) {
        if (problem.line() <= 0) {
            return "";
        }
        return ":" + problem.line() + (problem.column() > 0 ? ":" + problem.column() : "");
    }
}
