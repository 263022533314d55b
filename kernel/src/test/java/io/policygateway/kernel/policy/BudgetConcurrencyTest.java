package io.policygateway.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty concurrent requests against a budget that pays for five: exactly five are served. */
class BudgetConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void concurrentRequestsCannotOverspendTheBudget() throws Exception {
        // test-model costs 1000 USD per 1M tokens ($0.001 per token); each request is estimated at
        // 1 prompt token + max_tokens 9 = 10 tokens = $0.01 and uses exactly that, so $0.05 pays for five.
        String yaml = """
                providers:
                  up: { type: test-openai-format, base_url: %s }
                models:
                  prices:
                    up:
                      test-model: { input: 1000, output: 1000 }
                projects:
                  - id: app
                    budget: { limit: 0.05, period: daily }
                """;
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(r -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Reply.status(200, OpenAiWire.completion("test-model", "ok", 1, 9));
                });
                TestGateway gateway = TestGateway.builder().home(home).config(yaml.formatted(upstream.baseUrl())).start();
                ExecutorService clients = Executors.newFixedThreadPool(20)) {
            String body = "{\"model\":\"test-model\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                responses.add(clients.submit(() -> gateway.post("/policy/chat/completions", body, "x-policy-project", "app")));
            }
            int served = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> result = response.get();
                if (result.statusCode() == 200) {
                    served++;
                } else {
                    assertEquals(429, result.statusCode(), result.body());
                    assertEquals("BUDGET_EXCEEDED", JSON.readTree(result.body()).at("/error/code").asText());
                    refused++;
                }
            }
            assertEquals(5, served);
            assertEquals(15, refused);
            assertEquals(5, upstream.received().size(), "refused requests never reached the provider");
            assertEquals(429, gateway.post("/policy/chat/completions", body, "x-policy-project", "app").statusCode(), "the settled spend stays counted");
        }
    }
}
