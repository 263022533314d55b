package io.policygateway.plugins.anthropic;

import static io.policygateway.plugins.anthropic.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnthropicCapabilitiesTest {

    private static GatewayException refusal(WireFormat format, String body) throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            Provider provider = Harness.provider(upstream);
            return assertThrows(GatewayException.class, () -> provider.send(Harness.request(format, json(body), false, Map.of())));
        }
    }

    @Test
    void refusesImageGenerationNamingProviderAndCapability() throws Exception {
        GatewayException error = refusal(WireFormat.OPENAI_IMAGES, "{\"model\":\"claude-sonnet-4-5\",\"prompt\":\"a cat\"}");
        assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
        assertEquals("provider 'anthropic' (anthropic) does not support image generation (/v1/images/generations)", error.getMessage());
    }

    @Test
    void refusesEmbeddings() throws Exception {
        GatewayException error = refusal(WireFormat.OPENAI_EMBEDDINGS, "{\"model\":\"claude-sonnet-4-5\",\"input\":\"x\"}");
        assertEquals("provider 'anthropic' (anthropic) does not support embeddings (/v1/embeddings)", error.getMessage());
    }

    @Test
    void refusesAudioInputNamingTheField() throws Exception {
        GatewayException error = refusal(WireFormat.OPENAI_CHAT, """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":[
                 {"type":"input_audio","input_audio":{"data":"UklGR","format":"wav"}}]}]}""");
        assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
        assertEquals(Optional.of("messages[0].content[0]"), error.param());
        assertEquals("provider 'anthropic' (anthropic) does not support audio input (messages[0].content[0])", error.getMessage());
    }

    @Test
    void refusesSeveralChoices() throws Exception {
        GatewayException error = refusal(WireFormat.OPENAI_CHAT,
                "{\"model\":\"claude-sonnet-4-5\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertEquals(Optional.of("n"), error.param());
    }

    @Test
    void refusesToolArgumentsThatAreNotAnObject() throws Exception {
        GatewayException error = refusal(WireFormat.OPENAI_CHAT, """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","tool_calls":[{"id":"t","type":"function","function":{"name":"f","arguments":"[1]"}}]}]}""");
        assertEquals(Optional.of("messages[1].tool_calls[0].function.arguments"), error.param());
    }
}
