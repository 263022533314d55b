package io.policygateway.kernel.toolloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoopFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The loop's decisions without any server: when it runs, what it injects, whose calls it runs and
 * what the caller finally receives. The tool loop here is a hand-written clock with one tool.
 */
class ToolLoopStageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyContext CALLER = PolicyContext.anonymous("trace-1");

    /** One tool, {@code clock__now}, answering {@code 12:00}; records the calls it ran. */
    static final class ClockLoop implements ToolLoop {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public List<ObjectNode> tools(PolicyContext context) {
            ObjectNode tool = JSON.createObjectNode().put("type", "function");
            tool.putObject("function").put("name", "clock__now").putObject("parameters").put("type", "object");
            return List.of(tool);
        }

        @Override
        public boolean owns(String toolName) {
            return toolName.startsWith("clock__");
        }

        @Override
        public ToolResult call(String toolName, String argumentsJson, PolicyContext context) {
            calls.add(toolName);
            return new ToolResult("12:00", false, "clock", 1);
        }

        @Override
        public int maxIterations() {
            return 3;
        }
    }

    private final ClockLoop clock = new ClockLoop();
    private final ToolLoopStage stage = new ToolLoopStage(loops(clock), JSON);

    private static ToolLoops loops(ToolLoop loop) {
        ToolLoopFactory factory = new ToolLoopFactory() {
            @Override
            public String id() {
                return "clock";
            }

            @Override
            public String configKey() {
                return "clock";
            }

            @Override
            public ToolLoop create(PluginConfig config, PluginContext context) {
                return loop;
            }
        };
        return ToolLoops.create(List.of(factory), Map.of("clock", JSON.createObjectNode()), "gateway.yaml", null);
    }

    private static ObjectNode request(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProviderResponse answer(String content, String... toolNames) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("model", "m");
        ObjectNode message = body.putArray("choices").addObject().put("index", 0)
                .put("finish_reason", toolNames.length > 0 ? "tool_calls" : "stop").putObject("message").put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        for (String name : toolNames) {
            ObjectNode call = message.withArray("tool_calls").addObject().put("id", "call_" + name).put("type", "function");
            call.putObject("function").put("name", name).put("arguments", "{}");
        }
        body.putObject("usage").put("prompt_tokens", 7).put("completion_tokens", 3).put("total_tokens", 10);
        return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT, body, Map.of());
    }

    /** A model answering from a script, one answer per turn, recording the requests. */
    private static final class ScriptedTurns implements ModelTurns {
        final List<ObjectNode> requests = new ArrayList<>();
        private final List<ProviderResponse> answers;

        ScriptedTurns(ProviderResponse... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public ProviderResponse call(ObjectNode body, boolean stream) {
            requests.add(body.deepCopy());
            return answers.removeFirst();
        }
    }

    @Test
    void doesNotRunForRequestsAskingForSeveralChoicesOrNoTools() {
        assertTrue(stage.plan(request("{\"model\":\"m\",\"messages\":[]}"), CALLER).isPresent());
        assertFalse(stage.plan(request("{\"model\":\"m\",\"n\":2,\"messages\":[]}"), CALLER).isPresent());
        assertFalse(stage.plan(request("{\"model\":\"m\",\"tool_choice\":\"none\",\"messages\":[]}"), CALLER).isPresent());
        assertFalse(new ToolLoopStage(ToolLoops.none(), JSON).plan(request("{\"model\":\"m\",\"messages\":[]}"), CALLER).isPresent());
    }

    @Test
    void aCallersToolWithTheSameNameHidesTheGatewaysTool() {
        ToolPlan plan = stage.plan(request("""
                {"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"clock__now","parameters":{"type":"object","properties":{"zone":{"type":"string"}}}}}]}
                """), CALLER).orElse(null);

        assertEquals(null, plan, "the only gateway tool clashes with the caller's, so the loop has nothing to add");
    }

    @Test
    void runsGatewayCallsAndReturnsTheFinalAnswerWithUsageSummed() throws GatewayException {
        ToolPlan plan = stage.plan(request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"time?\"}]}"), CALLER).orElseThrow();
        ScriptedTurns turns = new ScriptedTurns(answer(null, "clock__now"), answer("It is 12:00."));

        ProviderResponse.Complete answer = stage.whole(plan, turns);

        assertEquals("It is 12:00.", answer.body().path("choices").path(0).path("message").path("content").asText());
        assertEquals(20, answer.body().path("usage").path("total_tokens").asInt());
        assertEquals("clock__now=ok", answer.headers().get(ToolLoopStage.CALLS_HEADER));
        assertEquals("2", answer.headers().get(ToolLoopStage.TURNS_HEADER));
        JsonNode second = turns.requests.get(1).path("messages");
        assertEquals("12:00", second.get(2).path("content").asText());
        assertEquals("call_clock__now", second.get(2).path("tool_call_id").asText());
        assertFalse(turns.requests.getFirst().path("stream").asBoolean());
    }

    @Test
    void aTurnCallingTheCallersToolGoesBackToTheCallerWithoutTheGatewaysCalls() throws GatewayException {
        ToolPlan plan = stage.plan(request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"get_weather"}}]}
                """), CALLER).orElseThrow();

        ProviderResponse.Complete answer = stage.whole(plan, new ScriptedTurns(answer(null, "clock__now", "get_weather")));

        JsonNode message = answer.body().path("choices").path(0).path("message");
        assertEquals(1, message.path("tool_calls").size());
        assertEquals("get_weather", message.path("tool_calls").path(0).path("function").path("name").asText());
        assertEquals("tool_calls", answer.body().path("choices").path(0).path("finish_reason").asText());
        assertEquals(List.of(), clock.calls, "the gateway's call of that turn is dropped, not run");
    }

    @Test
    void aStreamingCallerGetsTheFinalTurnAsChunksWithOneFinishAndTheUsageOfEveryTurn() throws Exception {
        ToolPlan plan = stage.plan(request("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"time?\"}]}"),
                CALLER).orElseThrow();
        ScriptedTurns turns = new ScriptedTurns(answer(null, "clock__now"), answer("It is 12:00."));

        ProviderResponse.Streaming stream = stage.stream(plan, turns);

        assertEquals("clock__now=ok", stream.headers().get(ToolLoopStage.CALLS_HEADER), "the tool turn ran before the stream opened");
        List<JsonNode> chunks = new ArrayList<>();
        try (EventStream events = stream.events()) {
            for (Optional<SseEvent> next = events.next(); next.isPresent(); next = events.next()) {
                chunks.add(JSON.readTree(next.get().data()));
            }
        }
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.path("choices").path(0).path("delta").path("content").asText("")));
        assertEquals("It is 12:00.", text.toString());
        assertEquals("assistant", chunks.getFirst().path("choices").path(0).path("delta").path("role").asText());
        assertEquals(1, chunks.stream().filter(chunk -> chunk.path("choices").path(0).path("finish_reason").isTextual()).count());
        assertEquals(20, chunks.getLast().path("usage").path("total_tokens").asInt());
        assertTrue(turns.requests.stream().allMatch(request -> request.path("stream").asBoolean()));
    }
}
