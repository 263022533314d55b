package io.policygateway.kernel.event;

import io.policygateway.api.event.PolicyEvent;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The seed's policy event line: {@code <ISO-8601 UTC> policy_id=… decision=… reason_code=…
 * policy_user=… policy_project_id=…}, then {@code policy_target}, {@code trace_id}, {@code rules}
 * and the event's attributes. Values with spaces or quotes are double-quoted.
 */
public final class PolicyEventLine {
    private PolicyEventLine() {
    }

    public static String format(PolicyEvent event) {
        StringBuilder line = new StringBuilder(200);
        line.append(DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.SECONDS)));
        pair(line, "policy_id", event.policyId());
        pair(line, "decision", event.decision());
        pair(line, "reason_code", event.reasonCode());
        event.user().ifPresent(user -> pair(line, "policy_user", user));
        event.project().ifPresent(project -> pair(line, "policy_project_id", project));
        event.target().ifPresent(target -> pair(line, "policy_target", target));
        pair(line, "trace_id", event.traceId());
        if (!event.rules().isEmpty()) {
            pair(line, "rules", String.join(",", event.rules()));
        }
        if (!event.type().equals("decision")) {
            pair(line, "event", event.type());
        }
        for (Map.Entry<String, Object> attribute : new java.util.TreeMap<>(event.attributes()).entrySet()) {
            pair(line, attribute.getKey(), String.valueOf(attribute.getValue()));
        }
        return line.toString();
    }

    private static void pair(StringBuilder line, String key, String value) {
        line.append(' ').append(key).append('=');
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20);
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(' ');
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }
}
