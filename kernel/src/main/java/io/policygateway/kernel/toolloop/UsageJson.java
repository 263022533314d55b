package io.policygateway.kernel.toolloop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.Usage;

/** OpenAI's {@code usage} object for token counts summed over the loop's turns. */
final class UsageJson {
    private UsageJson() {
    }

    static ObjectNode of(ObjectMapper json, Usage usage) {
        ObjectNode node = json.createObjectNode()
                .put("prompt_tokens", usage.inputTokens())
                .put("completion_tokens", usage.outputTokens())
                .put("total_tokens", usage.totalTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedTokens());
        return node;
    }
}
