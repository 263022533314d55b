package io.policygateway.plugins.wordfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** word-filter in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
class WordFilterOverHttpTest {

    @Test
    void theUpstreamReceivesTheRequestWithDisguisedBannedWordsRedacted() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder()
                        .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                                + "plugins:\n  - name: word-filter\n    config: { words: [darn, \"project falcon\"], action: redact }\n")
                        .start()) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "ok", 5, 1)));

            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    OpenAiWire.chatRequest("test-model", "D\u0430RN, tell me about Project-Falcon", false));

            assertEquals(200, response.statusCode(), response.body());
            String upstreamBody = upstream.lastRequest().body();
            assertTrue(upstreamBody.contains("[REDACTED], tell me about [REDACTED]"), upstreamBody);
        }
    }
}
