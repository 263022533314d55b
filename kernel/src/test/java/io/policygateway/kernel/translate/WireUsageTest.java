package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.json;
import static io.policygateway.kernel.translate.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WireUsageTest {

    @Test
    void readsChatUsageWithCachedTokens() {
        assertEquals(Optional.of(new Usage(82, 51, 64)),
                WireUsage.ofBody(WireFormat.OPENAI_CHAT, json("openai-chat-completion-tool-calls.json")));
    }

    @Test
    void countsAnthropicCacheReadsAsInput() {
        assertEquals(Optional.of(new Usage(2095 + 1000 + 50, 503, 1000)), WireUsage.ofBody(WireFormat.ANTHROPIC_MESSAGES, parse("""
                {"type":"message","usage":{"input_tokens":2095,"output_tokens":503,
                 "cache_creation_input_tokens":50,"cache_read_input_tokens":1000}}""")));
    }

    @Test
    void combinesAnthropicStreamStartAndDelta() {
        Usage start = WireUsage.ofStreamEvent(WireFormat.ANTHROPIC_MESSAGES, parse("""
                {"type":"message_start","message":{"usage":{"input_tokens":472,"output_tokens":2}}}""")).orElseThrow();
        Usage delta = WireUsage.ofStreamEvent(WireFormat.ANTHROPIC_MESSAGES, parse("""
                {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":89}}""")).orElseThrow();
        assertEquals(new Usage(472, 89, 0), WireUsage.merge(start, delta));
        assertEquals(Optional.empty(), WireUsage.ofStreamEvent(WireFormat.ANTHROPIC_MESSAGES, parse("{\"type\":\"ping\"}")));
    }

    @Test
    void readsResponsesUsage() {
        assertEquals(Optional.of(new Usage(36, 87, 4)), WireUsage.ofStreamEvent(WireFormat.OPENAI_RESPONSES, parse("""
                {"type":"response.completed","response":{"usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":4},
                 "output_tokens":87,"total_tokens":123}}}""")));
    }
}
