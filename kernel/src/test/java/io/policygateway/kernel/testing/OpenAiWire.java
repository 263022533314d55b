package io.policygateway.kernel.testing;

import java.util.ArrayList;
import java.util.List;

/** Bodies in OpenAI's chat wire format, as its API reference shows them, for fake upstreams. */
public final class OpenAiWire {
    private OpenAiWire() {
    }

    public static String completion(String model, String content, int promptTokens, int completionTokens) {
        return """
                {"id":"chatcmpl-fake1","object":"chat.completion","created":1700000000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,"prompt_tokens_details":{"cached_tokens":0}},
                 "system_fingerprint":"fp_fake"}""".formatted(model, content, promptTokens, completionTokens, promptTokens + completionTokens);
    }

    public static String chatRequest(String model, String userText, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + userText + "\"}]}";
    }

    /**
     * SSE frames of a streamed completion: a role chunk, one chunk per piece, a finish chunk, a usage
     * chunk (only when {@code withUsage}), then {@code [DONE]}.
     */
    public static List<String> streamFrames(String model, List<String> pieces, boolean withUsage, int promptTokens, int completionTokens) {
        List<String> frames = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-fake2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"" + model + "\",";
        String usageNull = withUsage ? ",\"usage\":null" : "";
        frames.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]" + usageNull + "}\n\n");
        for (String piece : pieces) {
            frames.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]" + usageNull + "}\n\n");
        }
        frames.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]" + usageNull + "}\n\n");
        if (withUsage) {
            frames.add("data: " + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                    + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}\n\n");
        }
        frames.add("data: [DONE]\n\n");
        return frames;
    }
}
