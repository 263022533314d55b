package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.routing.AttemptOutcome;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured route: which models it takes, its strategy plugin and its targets. Thread-safe.
 */
public final class Route {
    private static final Logger log = LoggerFactory.getLogger(Route.class);

    private final String name;
    private final String mode;
    private final List<ModelPattern> models;
    private final RoutingStrategy strategy;
    private final List<Target> targets;
    private final List<DisabledTarget> disabled;
    private final RoutingMetrics metrics;
    private final AtomicBoolean warnedAboutPlan = new AtomicBoolean();

    /**
     * @param models the patterns it matches; empty for the default route
     */
    public Route(String name, String mode, List<String> models, RoutingStrategy strategy, List<Target> targets,
            List<DisabledTarget> disabled, RoutingMetrics metrics) {
        this.name = requireNonNull(name, "name is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.models = models.stream().map(ModelPattern::of).toList();
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.targets = List.copyOf(targets);
        this.disabled = List.copyOf(disabled);
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** A target with the snapshot the strategy saw for this request. */
    public record Candidate(Target target, TargetView view) {
    }

    public String name() {
        return name;
    }

    public String mode() {
        return mode;
    }

    public List<Target> targets() {
        return targets;
    }

    public List<DisabledTarget> disabled() {
        return disabled;
    }

    public RoutingMetrics metrics() {
        return metrics;
    }

    /** The model patterns this route matches (as written). */
    public List<String> models() {
        return models.stream().map(ModelPattern::text).toList();
    }

    /** Whether a named route takes this request: a pattern matches the model as sent or after alias resolution. */
    public boolean matches(String model, String requestedModel) {
        for (ModelPattern pattern : models) {
            if (pattern.matches(model) || pattern.matches(requestedModel)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The targets that may serve this request, in configured order.
     *
     * @param compliance data-residency and similar rules: targets it refuses are left out
     * @throws GatewayException {@code UNAVAILABLE} when no target of the route is enabled,
     *     {@code INVALID_REQUEST} when none serves the model, {@code POLICY_VIOLATION}
     *     ({@code DATA_RESIDENCY}) when the only ones that do are refused by {@code compliance}
     */
    public List<Candidate> candidates(String model, WireFormat format, Predicate<TargetView> compliance) throws GatewayException {
        if (targets.isEmpty()) {
            throw new GatewayException(ErrorCategory.UNAVAILABLE, "No target of route '" + name + "' is enabled ("
                    + String.join("; ", disabled.stream().map(target -> target.id() + ": " + target.reason()).toList()) + ").");
        }
        List<Candidate> serving = new ArrayList<>();
        for (Target target : targets) {
            if (target.serves(model, format)) {
                serving.add(new Candidate(target, target.view(model)));
            }
        }
        if (serving.isEmpty()) {
            throw GatewayException.invalid("model", "The model '" + model + "' is not served by any target of route '" + name
                    + "' (targets: " + String.join(", ", targets.stream().map(Target::id).toList()) + ").");
        }
        List<Candidate> compliant = serving.stream().filter(candidate -> compliance.test(candidate.view())).toList();
        if (compliant.isEmpty()) {
            throw GatewayException.policy("DATA_RESIDENCY", "No target for this model satisfies the data-residency policy (denied provider, or a region that is not allowed or not known).");
        }
        return compliant;
    }

    /**
     * The order to try the candidates in, as the strategy plans it. A strategy that fails or
     * returns something other than a non-empty subset of the candidates is logged (once) and the
     * candidates are tried in configured order instead.
     */
    public List<Candidate> plan(RoutingRequest request, List<Candidate> candidates) {
        List<TargetView> planned;
        try {
            planned = strategy.plan(request, candidates.stream().map(Candidate::view).toList());
        } catch (RuntimeException e) {
            warnOnce("failed: " + e);
            return candidates;
        }
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(candidate -> byId.put(candidate.view().id(), candidate));
        List<Candidate> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TargetView view : planned == null ? List.<TargetView>of() : planned) {
            Candidate candidate = view == null ? null : byId.get(view.id());
            if (candidate == null || !seen.add(view.id())) {
                warnOnce("returned a target that is not a candidate or is listed twice");
                return candidates;
            }
            ordered.add(candidate);
        }
        if (ordered.isEmpty()) {
            warnOnce("returned no target");
            return candidates;
        }
        return ordered;
    }

    /** Tells the strategy how an attempt went; a failing strategy is logged and ignored. */
    public void record(Candidate candidate, AttemptOutcome outcome) {
        try {
            strategy.record(candidate.view(), outcome);
        } catch (RuntimeException e) {
            warnOnce("failed to record an outcome: " + e);
        }
    }

    private void warnOnce(String problem) {
        if (warnedAboutPlan.compareAndSet(false, true)) {
            log.warn("Routing strategy '{}' of route '{}' {}; trying targets in configured order (logged once)", mode, name, problem);
        }
    }
}
