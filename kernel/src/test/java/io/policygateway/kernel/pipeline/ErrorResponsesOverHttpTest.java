package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear OpenAI-shaped error with the right status, over real HTTP. */
class ErrorResponsesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.builder().config("server:\n  max_body_size: 2KiB\n").start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertTrue(error.path("message").isTextual(), response.body());
        assertFalse(response.body().contains("Exception"), "no stack trace: " + response.body());
        return error;
    }

    @Test
    void malformedJsonIs400NamingTheProblem() throws Exception {
        JsonNode error = error(gateway.post("/v1/chat/completions", "{\"model\": \"x\", "), 400);
        assertEquals("invalid_request_error", error.path("type").asText());
        assertTrue(error.path("message").asText().contains("not valid JSON"));
    }

    @Test
    void missingMessagesIs400NamingTheField() throws Exception {
        JsonNode error = error(gateway.post("/v1/chat/completions", "{\"model\":\"gpt-4o\"}"), 400);
        assertEquals("messages", error.path("param").asText());
    }

    @Test
    void messageWithoutRoleIs400NamingTheField() throws Exception {
        JsonNode error = error(gateway.post("/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"content\":\"no role\"}]}"), 400);
        assertEquals("messages[1].role", error.path("param").asText());
    }

    @Test
    void messagesThatAreNotAnArrayAre400() throws Exception {
        JsonNode error = error(gateway.post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":\"hi\"}"), 400);
        assertTrue(error.path("message").asText().contains("array of {role, content}"));
    }

    @Test
    void unknownModelIs400NamingTheModel() throws Exception {
        JsonNode error = error(gateway.post("/v1/chat/completions", "{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 400);
        assertEquals("model", error.path("param").asText());
        assertTrue(error.path("message").asText().contains("no-such-model"));
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        String big = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(4096) + "\"}]}";
        JsonNode error = error(gateway.post("/v1/chat/completions", big), 413);
        assertTrue(error.path("message").asText().contains("2048 bytes"));
    }

    @Test
    void unknownPathIs404SayingWhereTheBaseUrlMustEnd() throws Exception {
        JsonNode error = error(gateway.post("/chat/completions", "{}"), 404);
        assertTrue(error.path("message").asText().contains("must end with /v1"));
    }

    @Test
    void wrongMethodIs405() throws Exception {
        error(gateway.get("/v1/chat/completions"), 405);
    }

    @Test
    void messagesEndpointAnswersBadInputInAnthropicsErrorShape() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/messages", "{}");
        assertEquals(400, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("error", body.path("type").asText());
        assertEquals("invalid_request_error", body.at("/error/type").asText());
    }

    @Test
    void metricsCountRequestsByRouteAndStatus() throws Exception {
        gateway.post("/v1/chat/completions", "{}");
        HttpResponse<String> metrics = gateway.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("policy_gateway_requests_total{route=\"/v1/chat/completions\",surface=\"v1\",provider=\"none\",model=\"none\",status=\"400\",status_class=\"4xx\",}"),
                metrics.body());
        assertTrue(metrics.body().contains("policy_gateway_request_duration_seconds_bucket"));
        assertTrue(metrics.body().contains("jvm_memory_bytes_used"));
    }

    @Test
    void requestIdIsEchoed() {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", "{}", "x-request-id", "abc-123");
        assertEquals("abc-123", response.headers().firstValue("x-request-id").orElseThrow());
    }
}
