package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AuthenticationOverHttpTest {
    private static final String KEY = "pgw_test_key_0123456789";

    private static TestGateway withKey() throws Exception {
        return TestGateway.builder().config("auth:\n  keys:\n    - name: ci\n      sha256: " + KeyHashes.sha256Hex(KEY) + "\n").start();
    }

    @Test
    void missingKeyIs401WithBearerHint() throws Exception {
        try (TestGateway gateway = withKey()) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", "{}");
            assertEquals(401, response.statusCode());
            assertTrue(response.body().contains("Bearer"), response.body());
        }
    }

    @Test
    void wrongKeyIs401AndIsNeverLogged() throws Exception {
        try (TestGateway gateway = withKey()) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", "{}", "authorization", "Bearer pgw_wrong_key_value");
            assertEquals(401, response.statusCode());
            gateway.awaitAccessLog(line -> line.contains("\"status\":401"));
            assertFalse(String.join("\n", gateway.accessLogLines()).contains("pgw_wrong_key_value"));
        }
    }

    @Test
    void validKeyPassesAuthenticationAndHealthAndMetricsNeedNone() throws Exception {
        try (TestGateway gateway = withKey()) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", "{}", "authorization", "Bearer " + KEY);
            assertEquals(400, response.statusCode(), "authenticated, then refused for the empty body");
            assertEquals(200, gateway.get("/health").statusCode());
            assertEquals(200, gateway.get("/metrics").statusCode());
            gateway.awaitAccessLog(line -> line.contains("\"key\":\"ci\""));
        }
    }
}
