package io.policygateway.plugins.openai;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which model names the openai provider serves: OpenAI's model families ({@code gpt-*},
 * {@code o1}/{@code o3}/{@code o4}, {@code chatgpt-*}, {@code text-embedding-*}, {@code dall-e-*},
 * {@code gpt-image-*}, moderation models), names listed in {@code providers.openai.models}, or any
 * name when {@code accept_any_model} is set (for OpenAI-compatible servers with their own names).
 */
final class OpenAiModels {
    private static final List<String> CATALOGUE = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano",
            "o3", "o3-mini", "o4-mini", "text-embedding-3-small", "text-embedding-3-large", "dall-e-3", "gpt-image-1");
    private static final List<String> FAMILIES = List.of("gpt-", "chatgpt-", "o1", "o3", "o4", "text-embedding-", "dall-e-",
            "gpt-image-", "omni-moderation-", "text-moderation-", "davinci-", "babbage-", "computer-use-", "codex-");

    private final Set<String> configured;
    private final boolean acceptAny;

    OpenAiModels(List<String> configured, boolean acceptAny) {
        this.configured = Set.copyOf(configured);
        this.acceptAny = acceptAny;
    }

    List<String> listed() {
        Set<String> all = new LinkedHashSet<>(configured);
        all.addAll(CATALOGUE);
        return List.copyOf(new ArrayList<>(all));
    }

    boolean serves(String model) {
        if (acceptAny || configured.contains(model)) {
            return true;
        }
        for (String family : FAMILIES) {
            if (model.startsWith(family)) {
                return true;
            }
        }
        return false;
    }
}
