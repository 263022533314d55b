package io.policygateway.kernel.toolloop;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.kernel.pipeline.OpenAiUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway-side tool loop of a Chat Completions request: adds the tools the caller may use to
 * the request, runs the tool calls the model makes, asks the model again with the results, and
 * hands the caller only the final answer, with the usage of every turn summed and a summary of the
 * calls in the {@code x-gateway-tool-calls} and {@code x-gateway-tool-turns} headers.
 *
 * <p>The endpoint serves what {@link #whole} or {@link #stream} return as if a provider had
 * answered, so response guardrails, policy metadata and usage accounting apply to the final answer.
 * Calls of the caller's own tools end the loop: that turn goes back to the caller with only
 * those calls (the gateway's calls of the same turn are dropped). Thread-safe; one instance per gateway.
 */
public final class ToolLoopStage {
    public static final String CALLS_HEADER = "x-gateway-tool-calls";
    public static final String TURNS_HEADER = "x-gateway-tool-turns";
    public static final String LIMIT_HEADER = "x-gateway-tool-limit-reached";
    public static final String LIMIT_CODE = "tool_loop_limit";

    private final ToolLoops loops;
    private final ObjectMapper json;
    private final ToolExecutor executor;

    public ToolLoopStage(ToolLoops loops, ObjectMapper json) {
        this.loops = requireNonNull(loops, "loops is null");
        this.json = requireNonNull(json, "json is null");
        this.executor = new ToolExecutor(json);
    }

    /**
     * Decides whether the loop runs for a request: only when some loop offers tools to this caller,
     * the request asks for one choice, and does not set {@code tool_choice: none}.
     *
     * @param upstreamBody the request as it would go upstream (gateway fields removed, alias resolved)
     */
    public Optional<ToolPlan> plan(ObjectNode upstreamBody, PolicyContext context) {
        if (loops.isEmpty() || upstreamBody.path("n").asInt(1) > 1 || "none".equals(upstreamBody.path("tool_choice").asText())) {
            return Optional.empty();
        }
        Set<String> callerTools = new HashSet<>();
        upstreamBody.path("tools").forEach(tool -> callerTools.add(tool.path("function").path("name").asText()));
        List<ObjectNode> offered = new ArrayList<>();
        List<ToolLoop> offering = new ArrayList<>();
        for (ToolLoops.Named named : loops.loops()) {
            List<ObjectNode> tools = named.loop().tools(context).stream()
                    .filter(tool -> !callerTools.contains(tool.path("function").path("name").asText()))
                    .toList();
            if (!tools.isEmpty()) {
                offered.addAll(tools);
                offering.add(named.loop());
            }
        }
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = upstreamBody.deepCopy();
        ArrayNode tools = body.withArray("tools");
        offered.forEach(tools::add);
        int maxTurns = offering.stream().mapToInt(ToolLoop::maxIterations).min().orElse(1);
        boolean lastAnswer = offering.stream().allMatch(ToolLoop::returnLastAnswerOnMaxIterations);
        return Optional.of(new ToolPlan(body, callerTools, offering, Math.max(1, maxTurns), lastAnswer, context));
    }

    /**
     * Runs the loop with whole answers from the model. Returns the final answer as the provider
     * response the endpoint serves: its usage is the sum of all turns, its headers the summary.
     */
    public ProviderResponse.Complete whole(ToolPlan plan, ModelTurns turns) throws GatewayException {
        ObjectNode body = plan.body().deepCopy();
        body.put("stream", false);
        body.remove("stream_options");
        List<ToolCallRecord> records = new ArrayList<>();
        Usage usage = Usage.NONE;
        for (int turn = 1; ; turn++) {
            ProviderResponse answered = turns.call(body, false);
            ObjectNode response = whole(answered);
            usage = usage.plus(OpenAiUsage.from(response));
            ObjectNode message = response.path("choices").path(0).path("message") instanceof ObjectNode found
                    ? found : json.createObjectNode();
            Split split = split(plan, message.path("tool_calls"));
            if (split.gateway().isEmpty() || !split.caller().isEmpty() || turn >= plan.maxTurns()) {
                boolean limitReached = !split.gateway().isEmpty() && split.caller().isEmpty();
                if (limitReached && !plan.lastAnswerOnLimit()) {
                    throw limitError(plan);
                }
                if (!split.gateway().isEmpty() && response.path("choices").path(0) instanceof ObjectNode choice) {
                    keepOnly(message, split.caller());
                    choice.put("finish_reason", split.caller().isEmpty() ? "stop" : "tool_calls");
                }
                response.set("usage", UsageJson.of(json, usage));
                Map<String, String> headers = new LinkedHashMap<>(answered.headers());
                headers.putAll(headers(records, turn, limitReached));
                return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT, response, headers);
            }
            ArrayNode messages = body.withArray("messages");
            messages.add(assistantMessage(message.path("content"), split.gateway()));
            for (ToolExecutor.Executed executed : executor.run(plan, split.gateway())) {
                messages.add(executed.message());
                records.add(executed.record());
            }
        }
    }

    /**
     * Runs the loop with streamed answers, as one provider stream the endpoint relays: the tool
     * turns before the first text run now (their summary is in the headers), the rest as it is read.
     */
    public ProviderResponse.Streaming stream(ToolPlan plan, ModelTurns turns) throws GatewayException {
        return ToolLoopEventStream.open(this, plan, turns, json);
    }

    /** The caller's tool calls and the gateway's, of one assistant message. */
    record Split(List<JsonNode> gateway, List<JsonNode> caller) {
    }

    Split split(ToolPlan plan, Iterable<JsonNode> toolCalls) {
        List<JsonNode> gateway = new ArrayList<>();
        List<JsonNode> caller = new ArrayList<>();
        for (JsonNode call : toolCalls) {
            (plan.owner(call.path("function").path("name").asText()) != null ? gateway : caller).add(call);
        }
        return new Split(gateway, caller);
    }

    List<ToolExecutor.Executed> execute(ToolPlan plan, List<JsonNode> calls) {
        return executor.run(plan, calls);
    }

    ObjectNode assistantMessage(JsonNode content, List<JsonNode> toolCalls) {
        ObjectNode message = json.createObjectNode().put("role", "assistant");
        if (content != null && content.isTextual() && !content.asText().isEmpty()) {
            message.put("content", content.asText());
        } else {
            message.putNull("content");
        }
        ArrayNode calls = message.putArray("tool_calls");
        toolCalls.forEach(call -> calls.add(call.deepCopy()));
        return message;
    }

    Map<String, String> headers(List<ToolCallRecord> records, int turns, boolean limitReached) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CALLS_HEADER, ToolCallRecord.header(records));
        headers.put(TURNS_HEADER, Integer.toString(turns));
        if (limitReached) {
            headers.put(LIMIT_HEADER, "true");
        }
        return headers;
    }

    GatewayException limitError(ToolPlan plan) {
        return new GatewayException(ErrorCategory.UPSTREAM, "The model was still calling tools after " + plan.maxTurns()
                + " turns, the limit set by mcp.max_iterations; it gave no final answer. Raise the limit, or set "
                + "mcp.on_max_iterations: last_answer to receive the last answer instead.", LIMIT_CODE, null, 0, null, null);
    }

    private static void keepOnly(ObjectNode message, List<JsonNode> callerCalls) {
        if (callerCalls.isEmpty()) {
            message.remove("tool_calls");
            return;
        }
        ArrayNode calls = message.putArray("tool_calls");
        callerCalls.forEach(calls::add);
    }

    private static ObjectNode whole(ProviderResponse response) throws GatewayException {
        return switch (response) {
            case ProviderResponse.Complete complete when complete.format() == WireFormat.OPENAI_CHAT -> complete.body().deepCopy();
            case ProviderResponse.Complete complete -> throw new GatewayException(ErrorCategory.INTERNAL,
                    "The provider answered the tool loop in " + complete.format() + " instead of OpenAI chat format.");
            case ProviderResponse.Streaming streaming -> {
                streaming.events().close();
                throw new GatewayException(ErrorCategory.UPSTREAM, "The provider streamed an answer the gateway asked for whole.");
            }
        };
    }
}
