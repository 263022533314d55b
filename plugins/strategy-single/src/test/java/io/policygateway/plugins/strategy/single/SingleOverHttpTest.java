package io.policygateway.plugins.strategy.single;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code mode: single} through a real gateway: one target, its own retries, no fallback. */
class SingleOverHttpTest {

    @Test
    void sendsEveryRequestToTheFirstTargetAndNeverFallsBack() throws Exception {
        try (UpstreamFleet fleet = UpstreamFleet.start("a", "b")) {
            try (TestGateway gateway = TestGateway.builder().config(fleet.providersYaml() + """
                    strategy:
                      mode: single
                      targets:
                        - provider: a
                          retry: { attempts: 2, backoff: { initial: 1ms, max: 5ms } }
                        - provider: b
                    """).start()) {
                HttpResponse<String> ok = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));
                assertEquals("a", ok.headers().firstValue("x-gateway-provider").orElseThrow());

                fleet.always("a", Reply.status(500, "{\"error\":{\"message\":\"down\"}}"));
                HttpResponse<String> failed = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));
                assertEquals(502, failed.statusCode());
                assertEquals(3, fleet.calls("a"), "one success, then two attempts under its retry policy");
                assertEquals(0, fleet.calls("b"));
            }
        }
    }
}
