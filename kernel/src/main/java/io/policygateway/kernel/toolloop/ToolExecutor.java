package io.policygateway.kernel.toolloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.tool.ToolLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the gateway's tool calls of one model turn, in parallel on virtual threads, and turns each
 * result into the {@code tool} message the model reads next. Never throws for a failing tool: a
 * loop that breaks its contract (throws) yields an error result too.
 */
final class ToolExecutor {
    private static final Logger log = LoggerFactory.getLogger(ToolExecutor.class);

    private final ObjectMapper json;

    ToolExecutor(ObjectMapper json) {
        this.json = json;
    }

    /** A finished call: the message for the model and the record for the summary. */
    record Executed(ObjectNode message, ToolCallRecord record) {
    }

    /**
     * @param calls the turn's tool calls, each {@code {id, type: function, function: {name, arguments}}},
     *     all owned by a loop of the plan
     * @return one result per call, in the calls' order
     */
    List<Executed> run(ToolPlan plan, List<JsonNode> calls) {
        if (calls.size() == 1) {
            return List.of(execute(plan, calls.getFirst()));
        }
        List<Executed> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Executed>> running = new ArrayList<>();
            for (JsonNode call : calls) {
                running.add(executor.submit(() -> execute(plan, call)));
            }
            for (int i = 0; i < running.size(); i++) {
                results.add(await(running.get(i), plan, calls.get(i)));
            }
        }
        return results;
    }

    private Executed await(Future<Executed> running, ToolPlan plan, JsonNode call) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(call, "error: the gateway stopped before the tool finished");
        } catch (ExecutionException e) {
            return failed(call, "error: the tool failed inside the gateway");
        }
    }

    private Executed execute(ToolPlan plan, JsonNode call) {
        String name = call.path("function").path("name").asText();
        String arguments = call.path("function").path("arguments").asText("");
        ToolLoop loop = plan.owner(name);
        if (loop == null) {
            return failed(call, "error: no tool named '" + name + "' is available");
        }
        ToolLoop.ToolResult result;
        long started = System.nanoTime();
        try {
            result = loop.call(name, arguments, plan.context());
        } catch (RuntimeException e) {
            log.warn("Tool loop failed on {} instead of returning an error result: {}", name, e.toString());
            result = new ToolLoop.ToolResult("error: the tool failed inside the gateway", true, "unknown",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return new Executed(message(call, result.content()), new ToolCallRecord(name, result.error(), result.millis()));
    }

    private Executed failed(JsonNode call, String text) {
        return new Executed(message(call, text), new ToolCallRecord(call.path("function").path("name").asText(), true, 0));
    }

    private ObjectNode message(JsonNode call, String content) {
        return json.createObjectNode().put("role", "tool").put("tool_call_id", call.path("id").asText()).put("content", content);
    }
}
