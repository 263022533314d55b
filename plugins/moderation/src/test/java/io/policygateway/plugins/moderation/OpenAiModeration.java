package io.policygateway.plugins.moderation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Bodies in the exact shape of OpenAI's {@code POST /v1/moderations} answers. */
final class OpenAiModeration {
    private static final List<String> CATEGORIES = List.of("harassment", "harassment/threatening", "hate",
            "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions",
            "sexual", "sexual/minors", "violence", "violence/graphic");

    private OpenAiModeration() {
    }

    /** One result per entry; each entry maps the categories that apply to their scores. */
    @SafeVarargs
    static String answer(Map<String, Double>... results) {
        StringBuilder body = new StringBuilder("{\"id\": \"modr-2f7c9a\", \"model\": \"omni-moderation-2024-09-26\", \"results\": [");
        for (int i = 0; i < results.length; i++) {
            Map<String, Double> applies = results[i];
            Map<String, String> categories = new TreeMap<>();
            Map<String, String> scores = new TreeMap<>();
            Map<String, String> inputTypes = new TreeMap<>();
            for (String category : CATEGORIES) {
                categories.put(category, Boolean.toString(applies.containsKey(category)));
                scores.put(category, Double.toString(applies.getOrDefault(category, 0.00012)));
                inputTypes.put(category, applies.containsKey(category) ? "[\"text\"]" : "[]");
            }
            body.append(i == 0 ? "" : ", ").append("{\"flagged\": ").append(!applies.isEmpty())
                    .append(", \"categories\": ").append(object(categories))
                    .append(", \"category_scores\": ").append(object(scores))
                    .append(", \"category_applied_input_types\": ").append(object(inputTypes)).append('}');
        }
        return body.append("]}").toString();
    }

    private static String object(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
