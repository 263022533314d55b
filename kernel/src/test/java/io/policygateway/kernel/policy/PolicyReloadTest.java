package io.policygateway.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.Gateway;
import io.policygateway.kernel.GatewayOptions;
import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /admin/reload puts changed policies in force; invalid ones are refused with the path and the old ones stay. */
class PolicyReloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "pgw_admin_key_for_reload_tests";

    @TempDir
    Path home;

    private static String config(String upstream, String deniedModel) {
        return "providers:\n  up: { type: test-openai-format, base_url: " + upstream + " }\n"
                + "auth:\n  admin_keys:\n    - { name: ops, sha256: " + KeyHashes.sha256Hex(ADMIN) + " }\n"
                + "policies:\n  - id: p\n    rules:\n"
                + "      - { policyId: deny, kind: access, stage: request, scope: global, access: { deniedModels: [\"" + deniedModel + "\"] } }\n"
                + "projects:\n  - { id: app, policy: p }\n";
    }

    private static HttpResponse<String> reload(int port) {
        return TestGateway.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/reload"))
                .header("authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static int chat(int port) {
        return TestGateway.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/policy/chat/completions"))
                .header("content-type", "application/json").header("x-policy-project", "app")
                .POST(HttpRequest.BodyPublishers.ofString(OpenAiWire.chatRequest("test-model", "hi", false))).build()).statusCode();
    }

    @Test
    void reloadAppliesNewPoliciesAndRefusesInvalidOnes() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(r -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 1, 1)))) {
            Path file = home.resolve("gateway.yaml");
            Files.writeString(file, config(upstream.baseUrl(), "other-*"));
            GatewayOptions options = new GatewayOptions(home, Optional.of(file), Optional.empty(), OptionalInt.of(0), Map.of(),
                    new PrintStream(java.io.OutputStream.nullOutputStream()), false);
            try (Gateway gateway = Gateway.start(options)) {
                int port = gateway.port();
                assertEquals(200, chat(port));

                Files.writeString(file, config(upstream.baseUrl(), "test-*"));
                HttpResponse<String> reloaded = reload(port);
                assertEquals(200, reloaded.statusCode(), reloaded.body());
                assertEquals(403, chat(port), "the reloaded policy denies test-* models");

                Files.writeString(file, config(upstream.baseUrl(), "x").replace("kind: access", "kind: nonsense"));
                HttpResponse<String> refused = reload(port);
                assertEquals(400, refused.statusCode());
                assertTrue(JSON.readTree(refused.body()).at("/error/message").asText().contains("policies[0].rules[0]"), refused.body());
                assertEquals(403, chat(port), "the running policies stay after a refused reload");
            }
        }
    }
}
