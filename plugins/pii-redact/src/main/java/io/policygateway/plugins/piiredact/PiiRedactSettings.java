package io.policygateway.plugins.piiredact;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.StreamMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The validated configuration of one pii-redact instance.
 *
 * @param types the kinds of personal data to look for ({@code categories}; default: the structured
 *     types email, phone, ssn, credit_card, iban, ip_address)
 * @param action what to do on a finding ({@code action}; default {@code redact})
 * @param reversible whether placeholders in the model's answer are turned back into the original
 *     values before the caller sees it ({@code reversible}; default false; needs {@code redact})
 * @param streamWindow characters of a streamed answer held back so that a value split across
 *     chunks is still seen whole ({@code streamWindow}; default 128)
 * @param streamMaxHold the most characters ever held back, for very long tokens; in {@code buffer}
 *     mode the size of the buffer ({@code streamMaxHold}; default 2048)
 * @param streamMode {@code window} (default), {@code buffer} (hold the answer up to
 *     {@code streamMaxHold}, scan once) or {@code pass-through} (no hold-back, findings only
 *     logged; not with {@code reversible}) ({@code streamMode})
 */
record PiiRedactSettings(Set<PiiType> types, PiiAction action, boolean reversible, int streamWindow, int streamMaxHold,
        StreamMode streamMode) {
    static final List<String> KEYS = List.of("categories", "action", "reversible", "streamWindow", "streamMaxHold", "streamMode");

    PiiRedactSettings {
        types = Set.copyOf(requireNonNull(types, "types is null"));
        requireNonNull(action, "action is null");
        requireNonNull(streamMode, "streamMode is null");
    }

    static PiiRedactSettings from(PluginConfig config) {
        config.requireOnly(KEYS.toArray(String[]::new));
        Set<PiiType> types = types(config);
        PiiAction action = PiiAction.from(config, "action", PiiAction.REDACT);
        boolean reversible = config.bool("reversible", false);
        if (reversible && action != PiiAction.REDACT) {
            throw config.error("reversible", "needs action redact (got " + action.configName() + ")");
        }
        int window = (int) config.number("streamWindow", 128);
        if (window < 16 || window > 4096) {
            throw config.error("streamWindow", "expected 16 to 4096 characters, got " + window);
        }
        int maxHold = (int) config.number("streamMaxHold", 2048);
        if (maxHold < window || maxHold > 1_048_576) {
            throw config.error("streamMaxHold", "expected streamWindow (" + window + ") to 1048576 characters, got " + maxHold);
        }
        StreamMode streamMode = StreamMode.from(config, "streamMode", StreamMode.WINDOW);
        if (reversible && streamMode == StreamMode.PASS_THROUGH) {
            throw config.error("streamMode", "pass-through cannot restore placeholders; use window or buffer with reversible");
        }
        return new PiiRedactSettings(types, action, reversible, window, maxHold, streamMode);
    }

    private static Set<PiiType> types(PluginConfig config) {
        List<String> categories = config.strings("categories");
        EnumSet<PiiType> types = EnumSet.noneOf(PiiType.class);
        if (categories.isEmpty()) {
            types.addAll(EnumSet.allOf(PiiType.class));
            types.removeIf(PiiType::optional);
            return types;
        }
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            int index = i;
            types.add(PiiType.fromCategory(category).orElseThrow(() -> config.error("categories[" + index + "]",
                    "unknown category '" + category + "' (known: email, phone, ssn, credit-card, iban, ip-address, name, address)")));
        }
        return types;
    }
}
