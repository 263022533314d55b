package io.policygateway.plugins.responsecache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.GuardrailRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The cache key of a request: a SHA-256 over who asks (project, surface, policy) and a canonical
 * form of everything in the request that can change the answer. Canonical means object keys
 * sorted at every level and numbers written the same whatever their form ({@code 1}, {@code 1.0}),
 * so two requests that differ only in field order or number spelling share an answer. Every
 * parameter counts except the few that only change how the answer is delivered or billed
 * ({@link #DELIVERY_ONLY}): an unknown new parameter makes a different key, never a wrong hit.
 */
final class CacheKey {
    /** Request fields that do not change the model's answer. */
    static final Set<String> DELIVERY_ONLY = Set.of("stream", "stream_options", "user", "metadata", "store", "service_tier",
            "safety_identifier", "prompt_cache_key", "prompt_cache_retention");
    /** Stands for "no project" in keys, as the gateway writes it elsewhere. */
    static final String NO_PROJECT = "-";

    private CacheKey() {
    }

    /** The key of {@code request}: 64 lower-case hex characters. */
    static String of(GuardrailRequest request) {
        StringBuilder canonical = new StringBuilder(256);
        appendString(canonical, request.context().project().orElse(NO_PROJECT));
        appendString(canonical, request.context().surface());
        appendString(canonical, request.context().policyId().orElse(""));
        ObjectNode body = request.body();
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        canonical.append('{');
        boolean first = true;
        for (String name : names) {
            if (DELIVERY_ONLY.contains(name)) {
                continue;
            }
            if (!first) {
                canonical.append(',');
            }
            first = false;
            appendString(canonical, name);
            canonical.append(':');
            append(canonical, body.get(name));
        }
        canonical.append('}');
        return sha256(canonical.toString());
    }

    private static void append(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(out, names.get(i));
                out.append(':');
                append(out, node.get(names.get(i)));
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, node.get(i));
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isTextual()) {
            appendString(out, node.asText());
        } else {
            out.append(node.toString());
        }
    }

    /** A string in quotes, with quotes and backslashes escaped so no two strings collide. */
    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
