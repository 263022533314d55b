package io.policygateway.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ConfigException;
import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /policy surface over real HTTP: identity, policies of every kind, metadata, events. */
class PolicySurfaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "pgw_support_bot_key_000000001";
    static final String UNBOUND_KEY = "pgw_unbound_key_00000000002";
    static final String ADMIN_KEY = "pgw_admin_key_000000000000003";

    @TempDir
    Path home;
    FakeUpstream upstream;
    TestGateway gateway;

    static String config(String upstreamUrl, String extra) {
        return """
                providers:
                  up: { type: test-openai-format, base_url: %s }
                auth:
                  keys:
                    - { name: support, sha256: %s, project: support-bot, projects: [mobile], roles: [agent] }
                    - { name: unbound, sha256: %s }
                  admin_keys:
                    - { name: ops, sha256: %s }
                policies:
                  - id: policy-gateway
                    rules:
                      - policyId: no-forbidden
                        kind: guardrail
                        stage: both
                        scope: tenant
                        guardrail: { type: regex, engine: test-word-guard, action: block }
                      - policyId: no-gpt3
                        kind: access
                        stage: request
                        scope: global
                        access: { deniedModels: ["gpt-3*"] }
                  - id: friendly
                    rules:
                      - policyId: add-system-prompt
                        kind: transformation
                        stage: request
                        scope: tenant
                        transformation: { system_prompt: "Be friendly." }
                projects:
                  - id: support-bot
                    policy: policy-gateway
                    allowed_policies: [friendly]
                  - id: mobile
                    policy: policy-gateway
                %s
                """.formatted(upstreamUrl, KeyHashes.sha256Hex(KEY), KeyHashes.sha256Hex(UNBOUND_KEY), KeyHashes.sha256Hex(ADMIN_KEY), extra);
    }

    @BeforeEach
    void start() throws Exception {
        upstream = FakeUpstream.start();
        upstream.otherwise(request -> request.body().contains("\"stream\":true")
                ? Reply.sse(OpenAiWire.streamFrames("test-model", List.of("Hel", "lo"), true, 5, 2), 0)
                : Reply.status(200, OpenAiWire.completion("test-model", "Hello", 5, 2)));
        gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(), "")).start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "authorization";
        all[1] = "Bearer " + KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return gateway.post(path, body, all);
    }

    @Test
    void responseCarriesPolicyMetadataAndHeaderWinsOverBodyAlias() throws Exception {
        String body = "{\"model\":\"test-model\",\"policy_user\":\"body-user\",\"policy_target\":\"web\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpResponse<String> response = post("/policy/chat/completions", body, "x-policy-user", "header-user");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode policy = JSON.readTree(response.body()).path("policy");
        assertEquals("policy-gateway", policy.path("policy_id").asText());
        assertEquals("allow", policy.path("decision").asText());
        assertEquals("support-bot", policy.path("policy_project_id").asText());
        assertEquals("header-user", policy.path("policy_user").asText());
        assertEquals("web", policy.path("policy_target").asText());
        JsonNode sent = JSON.readTree(upstream.lastRequest().body());
        assertFalse(sent.has("policy_user") || sent.has("policy_target"), "gateway-only fields never reach the provider");
    }

    @Test
    void policyEndpointsAreAlsoServedUnderPolicyV1() throws Exception {
        HttpResponse<String> response = post("/policy/v1/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).has("policy"));
    }

    @Test
    void everyStreamFrameCarriesMetadataAndTheLastHasTheFinalDecision() throws Exception {
        HttpResponse<String> response = post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", true), "x-policy-user", "u1");
        List<String> frames = response.body().lines().filter(line -> line.startsWith("data: {")).toList();
        assertTrue(frames.size() >= 4, response.body());
        for (String frame : frames) {
            assertEquals("support-bot", JSON.readTree(frame.substring(6)).at("/policy/policy_project_id").asText(), frame);
        }
        assertEquals("allow", JSON.readTree(frames.get(frames.size() - 1).substring(6)).at("/policy/decision").asText());
        assertTrue(response.body().endsWith("data: [DONE]\n\n"));
    }

    @Test
    void guardrailRuleBlocksWith403PolicyViolationMetadataAndAnEvent() throws Exception {
        HttpResponse<String> response = post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "say forbidden", false),
                "x-policy-user", "user-12345");
        assertEquals(403, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("policy_violation", body.at("/error/type").asText());
        assertEquals("TEST_BLOCKED", body.at("/error/code").asText());
        assertEquals("block", body.at("/policy/decision").asText());
        assertEquals("no-forbidden", body.at("/policy/rules/0").asText());

        Path events = home.resolve("logs/policy-events.log");
        String line = awaitLine(events, "decision=block");
        assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z policy_id=policy-gateway decision=block reason_code=TEST_BLOCKED "
                + "policy_user=user-12345 policy_project_id=support-bot .*"), line);
        assertTrue(line.contains("rules=no-forbidden"), line);
        assertTrue(line.contains("status=403"), line);
        assertTrue(response.headers().firstValue("traceparent").isPresent(), "errors carry the trace context too");

        HttpResponse<String> query = gateway.get("/admin/events?project=support-bot&decision=block", "authorization", "Bearer " + ADMIN_KEY);
        long deadline = System.currentTimeMillis() + 5_000;
        while (JSON.readTree(query.body()).path("data").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            query = gateway.get("/admin/events?project=support-bot&decision=block", "authorization", "Bearer " + ADMIN_KEY);
        }
        assertEquals(200, query.statusCode(), query.body());
        assertEquals("TEST_BLOCKED", JSON.readTree(query.body()).at("/data/0/reason_code").asText());
        assertEquals(401, gateway.get("/admin/events", "authorization", "Bearer " + KEY).statusCode());
    }

    @Test
    void accessRuleDeniesModel() throws Exception {
        HttpResponse<String> response = post("/policy/chat/completions", OpenAiWire.chatRequest("gpt-3.5-turbo", "hi", false));
        assertEquals(403, response.statusCode());
        assertEquals("MODEL_DENIED", JSON.readTree(response.body()).at("/error/code").asText());
    }

    @Test
    void requestNamedPolicyRewritesWithASystemPrompt() throws Exception {
        String body = "{\"model\":\"test-model\",\"policy_id\":\"friendly\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpResponse<String> response = post("/policy/chat/completions", body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("rewrite", JSON.readTree(response.body()).at("/policy/decision").asText());
        assertEquals("REWRITE", JSON.readTree(response.body()).at("/policy/reason_code").asText());
        assertEquals("Be friendly.", JSON.readTree(upstream.lastRequest().body()).at("/messages/0/content").asText());
    }

    @Test
    void policyTheProjectDoesNotAllowIs403() throws Exception {
        String body = "{\"model\":\"test-model\",\"policy_id\":\"friendly\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpResponse<String> response = post("/policy/chat/completions", body, "x-policy-project", "mobile");
        assertEquals(403, response.statusCode());
        assertEquals("POLICY_NOT_ALLOWED", JSON.readTree(response.body()).at("/error/code").asText());
    }

    @Test
    void keyWithoutProjectMayUseV1ButNotPolicy() throws Exception {
        HttpResponse<String> policy = gateway.post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false),
                "authorization", "Bearer " + UNBOUND_KEY);
        assertEquals(403, policy.statusCode());
        assertTrue(policy.body().contains("not bound to a project"), policy.body());
        HttpResponse<String> compat = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false),
                "authorization", "Bearer " + UNBOUND_KEY);
        assertEquals(200, compat.statusCode(), compat.body());
    }

    @Test
    void projectOverrideOnlyForProjectsTheKeyMayUse() throws Exception {
        assertEquals(200, post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false), "x-policy-project", "mobile").statusCode());
        HttpResponse<String> denied = post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false), "x-policy-project", "other");
        assertEquals(403, denied.statusCode());
        assertEquals("PROJECT_NOT_ALLOWED", JSON.readTree(denied.body()).at("/error/code").asText());
    }

    @Test
    void inlinePolicyOnV1IsEvaluatedForThatRequest() throws Exception {
        String body = "{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"policy\":{\"rules\":[{\"policyId\":\"inline-deny\","
                + "\"kind\":\"access\",\"stage\":\"request\",\"scope\":\"global\",\"access\":{\"allowedModels\":[\"other-*\"]}}]}}";
        HttpResponse<String> response = post("/v1/chat/completions", body);
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("MODEL_NOT_ALLOWED", JSON.readTree(response.body()).at("/error/code").asText());
        String invalid = "{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"policy\":{\"rules\":[{\"policyId\":\"x\",\"kind\":\"bogus\",\"stage\":\"request\",\"scope\":\"global\"}]}}";
        HttpResponse<String> bad = post("/v1/chat/completions", invalid);
        assertEquals(400, bad.statusCode());
        assertTrue(JSON.readTree(bad.body()).at("/error/param").asText().startsWith("policy.rules[0]"), bad.body());
    }

    @Test
    void invalidPolicyConfigIsRefusedWithRuleIdAndPath() {
        String broken = config(upstream.baseUrl(), "").replace("kind: access", "kind: acess");
        ConfigException e = assertThrows(ConfigException.class, () -> TestGateway.builder().config(broken).start());
        assertTrue(e.getMessage().contains("policies[0].rules[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("rule 'no-gpt3'"), e.getMessage());
    }

    static String awaitLine(Path file, String needle) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains(needle)) {
                        return line;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line with '" + needle + "' in " + file);
    }
}
