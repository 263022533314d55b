package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users can check the gateway's cost and follow a request: every proxied answer carries
 * {@code x-gateway-overhead-ms} (gateway time without the upstream) and the trace, and the
 * upstream receives the same trace id in {@code traceparent}.
 */
class OverheadHeaderAndTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");
    private static final long UPSTREAM_MILLIS = 60;

    @TempDir
    Path home;

    /** An upstream that takes {@link #UPSTREAM_MILLIS} before it answers. */
    private static Reply slowly(Reply reply) {
        return (response, out, released) -> {
            Thread.sleep(UPSTREAM_MILLIS);
            reply.write(response, out, released);
        };
    }

    private TestGateway start(FakeUpstream upstream) throws Exception {
        return TestGateway.builder().home(home)
                .config("providers:\n  up: { type: test-openai-format, base_url: " + upstream.baseUrl() + " }\n").start();
    }

    @Test
    void overheadHeaderIsPresentAndExcludesTheUpstreamTimeTheClientWaited() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = start(upstream)) {
            upstream.enqueue(slowly(Reply.status(200, OpenAiWire.completion("test-model", "ok", 3, 1))));
            upstream.enqueue(slowly(Reply.sse(OpenAiWire.streamFrames("test-model", List.of("o", "k"), true, 3, 1), 0)));
            for (boolean stream : List.of(false, true)) {
                long started = System.nanoTime();
                HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "hi", stream));
                double clientMillis = (System.nanoTime() - started) / 1e6;

                assertEquals(200, response.statusCode(), response.body());
                double overhead = Double.parseDouble(response.headers().firstValue("x-gateway-overhead-ms").orElseThrow());
                assertTrue(overhead >= 0, "overhead " + overhead);
                assertTrue(overhead <= clientMillis - UPSTREAM_MILLIS, "overhead " + overhead + " ms must exclude the " + UPSTREAM_MILLIS
                        + " ms upstream wait within the " + clientMillis + " ms the client measured (stream " + stream + ")");
            }
        }
    }

    @Test
    void incomingTraceIdIsPropagatedUpstreamEchoedAndLogged() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = start(upstream)) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "ok", 3, 1)));
            HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false),
                    "traceparent", "00-" + traceId + "-" + callerSpan + "-01");

            assertEquals(200, response.statusCode(), response.body());
            Matcher sent = TRACEPARENT.matcher(String.valueOf(upstream.lastRequest().header("traceparent")));
            assertTrue(sent.matches(), "upstream traceparent: " + upstream.lastRequest().header("traceparent"));
            assertEquals(traceId, sent.group(1), "same trace upstream");
            assertNotEquals(callerSpan, sent.group(2), "the gateway's own span is the upstream call's parent");
            assertTrue(response.headers().firstValue("traceparent").orElseThrow().startsWith("00-" + traceId + "-"));
            assertEquals(traceId, traceIdLogged(gateway));
        }
    }

    @Test
    void withoutATraceparentTheGatewayStartsOneTraceForClientLogAndUpstream() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = start(upstream)) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "ok", 3, 1)));
            HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false));

            Matcher echoed = TRACEPARENT.matcher(response.headers().firstValue("traceparent").orElseThrow());
            assertTrue(echoed.matches(), response.headers().toString());
            String traceId = echoed.group(1);
            assertEquals(traceId, response.headers().firstValue("x-request-id").orElseThrow());
            assertTrue(upstream.lastRequest().header("traceparent").startsWith("00-" + traceId + "-"));
            assertEquals(traceId, traceIdLogged(gateway));
        }
    }

    private static String traceIdLogged(TestGateway gateway) throws Exception {
        String line = gateway.awaitAccessLog(candidate -> candidate.contains("\"route\":\"/v1/chat/completions\""));
        JsonNode logged = JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
        return logged.path("trace_id").asText();
    }
}
