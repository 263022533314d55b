package io.policygateway.plugins.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tool arguments and tool results pass through the request guardrails like any other content:
 * a guardrail that redacts a word redacts it in the turn that carries the tool's result.
 */
class ToolContentGuardrailsTest {

    @Test
    void toolArgumentsAndResultsAreRedactedBeforeTheNextModelTurn() throws Exception {
        try (FakeUpstream model = FakeUpstream.start().otherwise(ScriptedModel::answer);
                StreamableHttpMcpServer docs = StreamableHttpMcpServer.start();
                TestGateway gateway = TestGateway.builder()
                        .env("OPENAI_API_KEY", "sk-provider-key-for-tests")
                        .env("OPENAI_BASE_URL", model.baseUrl() + "/v1")
                        .env("DOCS_TOKEN", "test-token")
                        .config("""
                                plugins:
                                  - { name: test-word-guard, stage: before_request, config: { redact_word: refunds } }
                                mcp_servers:
                                  - name: docs
                                    transport: http
                                    url: %s
                                    headers: { Authorization: "Bearer ${DOCS_TOKEN}" }
                                mcp:
                                  startup_wait: 60s
                                """.formatted(docs.url()))
                        .start()) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    "{\"model\":\"" + ScriptedModel.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"policy lookup\"}]}");
            assertEquals(200, response.statusCode(), response.body());
            List<FakeUpstream.Recorded> turns = model.received();
            assertEquals(2, turns.size());
            String followUp = turns.get(1).body();
            assertTrue(followUp.contains("result for [REDACTED]"), followUp);
            assertFalse(followUp.contains("refunds"), "neither the tool's arguments nor its result reach the model unredacted: " + followUp);
        }
    }
}
