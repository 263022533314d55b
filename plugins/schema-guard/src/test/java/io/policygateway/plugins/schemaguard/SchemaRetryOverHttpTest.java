package io.policygateway.plugins.schemaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** on_failure: retry through a real gateway: an invalid answer is re-asked once with the errors appended. */
class SchemaRetryOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String completion(String content) {
        return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"test-model\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.valueToTree(content) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":5,\"total_tokens\":10}}";
    }

    private static TestGateway gateway(FakeUpstream upstream) throws Exception {
        return TestGateway.builder().config("""
                providers:
                  up: { type: test-openai-format, base_url: %s }
                plugins:
                  - name: schema-guard
                    stage: after_request
                    config:
                      on_failure: retry
                      schema: { type: object, required: [name], properties: { name: { type: string } } }
                """.formatted(upstream.baseUrl())).start();
    }

    private static final String REQUEST = "{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":\"give me json\"}]}";

    @Test
    void anInvalidAnswerIsReaskedOnceWithTheErrorsAndTheValidSecondAnswerIsServed() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            upstream.enqueue(Reply.status(200, completion("{\"nom\": 1}")));
            upstream.enqueue(Reply.status(200, completion("{\"name\": \"Ada\"}")));
            HttpResponse<String> response = gateway.post("/v1/chat/completions", REQUEST);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("{\"name\": \"Ada\"}", JSON.readTree(response.body()).at("/choices/0/message/content").asText());
            assertEquals(2, upstream.received().size());
            String second = upstream.received().get(1).body();
            assertTrue(second.contains("did not match the required JSON Schema"), second);
            assertTrue(second.contains("{\\\"nom\\\": 1}"), "the invalid answer is in the conversation: " + second);
            assertEquals(20, JSON.readTree(gateway.awaitAccessLog(line -> line.contains("\"status\":200")))
                    .path("input_tokens").asInt() + JSON.readTree(gateway.awaitAccessLog(line -> line.contains("\"status\":200"))).path("output_tokens").asInt(),
                    "usage of both turns is counted");
        }
    }

    @Test
    void anAnswerStillInvalidAfterTheRetryIsBlocked() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            upstream.otherwise(request -> Reply.status(200, completion("not json at all")));
            HttpResponse<String> response = gateway.post("/v1/chat/completions", REQUEST);
            assertEquals(403, response.statusCode(), response.body());
            assertEquals("SCHEMA_INVALID", JSON.readTree(response.body()).at("/error/code").asText());
            assertEquals(2, upstream.received().size(), "one retry, no more");
            assertTrue(gateway.awaitAccessLog(line -> line.contains("\"status\":403")).contains("\"decision\":\"block\""));
        }
    }
}
