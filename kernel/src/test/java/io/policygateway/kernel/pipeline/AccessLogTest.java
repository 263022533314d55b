package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.log.LogFormatter;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one JSON line per request on stdout: every field operators filter on, and never a prompt, an answer or a secret. */
class AccessLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "/policy/chat/completions";
    private static final String SECRET = "sk-proj-Zq8vLw3RtY6uIo9pAs2dFg5hJk7lXc4vBn1mQe0";
    private static final List<String> PROMPT_WORDS = List.of("zanzibar", "quokka", "ledgerline");
    private static final List<String> ANSWER_WORDS = List.of("marmalade", "wombat", "octarine");

    @TempDir
    Path home;

    private static String config(String upstream) {
        return """
                providers:
                  up: { type: test-openai-format, base_url: %s }
                plugins:
                  - { name: test-word-guard, config: { block_word: forbidden } }
                policies:
                  - id: p
                    rules:
                      - { policyId: two-per-minute, kind: rate-limit, stage: request, scope: user, rateLimit: { requestsPerMinute: 2 } }
                projects:
                  - { id: app, policy: p }
                """.formatted(upstream);
    }

    @Test
    void everyLineCarriesTheFieldsOperatorsFilterOn() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 12, 4)));
                TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl())).start()) {
            String[] headers = {"x-policy-project", "app", "x-policy-user", "alice", "x-policy-target", "mobile-app",
                    "traceparent", "00-" + traceId + "-b7ad6b7169203331-01"};
            for (int i = 0; i < 3; i++) {
                gateway.post(CHAT, OpenAiWire.chatRequest("test-model", "hello", false), headers);
            }
            List<JsonNode> lines = awaitLines(gateway, 3);
            JsonNode served = lines.get(0);
            assertTrue(served.path("ts").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), served.toString());
            assertEquals("info", served.path("level").asText());
            assertEquals(traceId, served.path("trace_id").asText());
            assertEquals(CHAT, served.path("route").asText());
            assertEquals("policy", served.path("surface").asText());
            assertEquals("app", served.path("project").asText());
            assertEquals("alice", served.path("user").asText());
            assertEquals("mobile-app", served.path("target").asText());
            assertEquals("up", served.path("provider").asText());
            assertEquals("test-model", served.path("model").asText());
            assertEquals(200, served.path("status").asInt());
            assertEquals(1, served.path("attempts").asInt());
            for (String latency : List.of("latency_ms", "upstream_ms", "overhead_ms")) {
                assertTrue(served.path(latency).isNumber() && served.path(latency).asDouble() >= 0, latency + " in " + served);
            }
            assertTrue(served.path("latency_ms").asDouble() >= served.path("upstream_ms").asDouble(), served.toString());
            assertEquals(12, served.path("input_tokens").asInt());
            assertEquals(4, served.path("output_tokens").asInt());
            assertEquals(0, served.path("cached_tokens").asInt());
            assertEquals("allow", served.path("decision").asText(), served.toString());

            JsonNode limited = lines.get(2);
            assertEquals(429, limited.path("status").asInt(), limited.toString());
            assertEquals("block", limited.path("decision").asText(), limited.toString());
            assertEquals("RATE_LIMITED", limited.path("reason_code").asText(), limited.toString());
            assertEquals(0, limited.path("attempts").asInt(), "a refused request never reaches a provider");
            assertFalse(limited.has("provider"), limited.toString());
        }
    }

    @Test
    void noSecretPromptOrAnswerTextReachesStdoutLogs() throws Exception {
        String prompt = String.join(" ", PROMPT_WORDS) + " uses key " + SECRET;
        String answer = String.join(" ", ANSWER_WORDS);
        List<String> julLines = new CopyOnWriteArrayList<>();
        LogFormatter production = new LogFormatter(true);
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                julLines.add(production.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        List<String> accessLines;
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl())).start()) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", answer, 30, 3)));
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("test-model", ANSWER_WORDS, true, 30, 3), 0));
            upstream.enqueue(Reply.status(400, "{\"error\":{\"message\":\"bad request\"}}"));

            HttpResponse<String> whole = gateway.post(CHAT, OpenAiWire.chatRequest("test-model", prompt, false),
                    "x-policy-project", "app", "x-policy-user", "alice");
            assertTrue(whole.body().contains(answer), "the client does get the answer: " + whole.body());
            HttpResponse<String> streamed = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", prompt, true));
            assertTrue(streamed.statusCode() == 200 && streamed.body().contains("[DONE]"), streamed.body());
            assertEquals(403, gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "forbidden " + prompt, false))
                    .statusCode());
            assertEquals(502, gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", prompt, false)).statusCode());
            assertEquals(400, gateway.post("/v1/chat/completions",
                    "{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\": " + prompt + "}]}").statusCode());
            assertEquals(400, gateway.post("/v1/chat/completions",
                    "{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"").statusCode());
            awaitLines(gateway, 6);
            accessLines = gateway.accessLogLines();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            root.removeHandler(capture);
        }
        String everything = printed.toString(StandardCharsets.UTF_8) + String.join("", julLines) + String.join("\n", accessLines);
        assertTrue(accessLines.size() >= 6 && !julLines.isEmpty(), "the test did capture the logs: " + accessLines + julLines);
        for (String forbidden : concat(List.of(SECRET, SECRET.substring(0, 14)), PROMPT_WORDS, ANSWER_WORDS)) {
            assertFalse(everything.contains(forbidden), "'" + forbidden + "' reached the logs:\n" + everything);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    /** The first {@code count} access log lines, parsed (waits up to 5 s: lines are written just after each response). */
    private static List<JsonNode> awaitLines(TestGateway gateway, int count) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gateway.accessLogLines().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<String> lines = gateway.accessLogLines();
        assertTrue(lines.size() >= count, "expected " + count + " access log lines: " + lines);
        List<JsonNode> parsed = new java.util.ArrayList<>();
        for (String line : lines.subList(0, count)) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }
}
