package io.policygateway.kernel.routing;

import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.TargetView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Targets and requests as strategies see them, for strategy plugins' unit tests. */
public final class StrategyFixtures {
    private StrategyFixtures() {
    }

    /** A target named {@code id} at provider {@code id}, weight 1, unmeasured, unpriced. */
    public static TargetView target(String id) {
        return new TargetView(id, id, "gpt-4o-mini", 1, Optional.empty(), Map.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, TargetView.BreakerState.CLOSED);
    }

    public static TargetView weighted(String id, int weight) {
        TargetView base = target(id);
        return new TargetView(id, id, base.model(), weight, base.region(), base.labels(), base.inputPricePerMillion(),
                base.outputPricePerMillion(), base.latencyP50Millis(), base.samples(), base.breaker());
    }

    public static TargetView measured(String id, double medianMillis, long samples) {
        TargetView base = target(id);
        return new TargetView(id, id, base.model(), 1, base.region(), base.labels(), base.inputPricePerMillion(),
                base.outputPricePerMillion(), OptionalDouble.of(medianMillis), samples, base.breaker());
    }

    /** A target asking for {@code model} at USD {@code input}/{@code output} per 1M tokens. */
    public static TargetView priced(String id, String model, double input, double output) {
        TargetView base = target(id);
        return new TargetView(id, id, model, 1, base.region(), base.labels(), OptionalDouble.of(input), OptionalDouble.of(output),
                base.latencyP50Millis(), base.samples(), base.breaker());
    }

    /** A chat request for {@code model} with no project, label or headers. */
    public static RoutingRequest request(String model) {
        return request(model, model, PolicyContext.anonymous("trace"), 100, 100);
    }

    public static RoutingRequest request(String model, String requestedModel, PolicyContext context, long inputTokens, long outputTokens) {
        return new RoutingRequest(model, requestedModel, WireFormat.OPENAI_CHAT, false, inputTokens, outputTokens, context);
    }

    /** A context with a project, a target label and headers (lower-case names). */
    public static PolicyContext context(String project, String targetLabel, Map<String, String> headers) {
        return new PolicyContext("trace", "policy", "/chat/completions", Optional.ofNullable(project), Optional.empty(),
                Optional.ofNullable(targetLabel), Optional.empty(), List.of(), Optional.empty(), headers);
    }

    public static List<String> ids(List<TargetView> targets) {
        return targets.stream().map(TargetView::id).toList();
    }
}
