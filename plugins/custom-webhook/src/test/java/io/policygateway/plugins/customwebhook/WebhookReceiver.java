package io.policygateway.plugins.customwebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-test webhook, as a receiver should be written: it recomputes the HMAC over the raw body,
 * compares it in constant time, answers 401 when it does not match, and otherwise lets a test
 * decide the answer from the parsed payload.
 */
final class WebhookReceiver {
    static final String SECRET = "whsec-test-7f3a9c";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeUpstream server;
    private final List<JsonNode> verifiedPayloads = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Reply> answer = payload -> Reply.status(200, "{\"decision\": \"allow\"}");

    WebhookReceiver() throws Exception {
        server = FakeUpstream.start();
        server.otherwise(recorded -> {
            String expected = WebhookSignature.sign(SECRET, recorded.body().getBytes(StandardCharsets.UTF_8));
            String given = recorded.header("x-policy-gateway-signature");
            if (given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII))) {
                return Reply.status(401, "{\"error\": \"bad signature\"}");
            }
            try {
                JsonNode payload = JSON.readTree(recorded.body());
                verifiedPayloads.add(payload);
                return answer.apply(payload);
            } catch (IOException e) {
                return Reply.status(400, "{\"error\": \"not json\"}");
            }
        });
    }

    String url() {
        return server.baseUrl() + "/hooks/policy";
    }

    void answer(Function<JsonNode, Reply> handler) {
        this.answer = handler;
    }

    void answerJson(String json) {
        answer(payload -> Reply.status(200, json));
    }

    /** Payloads whose signature checked out, in arrival order. */
    List<JsonNode> verifiedPayloads() {
        return List.copyOf(verifiedPayloads);
    }

    FakeUpstream server() {
        return server;
    }

    void close() throws Exception {
        server.close();
    }
}
