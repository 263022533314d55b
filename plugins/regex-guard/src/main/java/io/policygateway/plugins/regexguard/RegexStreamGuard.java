package io.policygateway.plugins.regexguard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.HoldBackStreamGuard;
import io.policygateway.api.guardrail.TextSpan;
import io.policygateway.api.guardrail.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the patterns to one streamed answer, holding back {@code streamWindow} characters so a
 * match split across chunks is seen whole. A runaway pattern ends the stream (fail closed).
 */
final class RegexStreamGuard extends HoldBackStreamGuard {
    private static final String RUNAWAY = "\u0000runaway";

    private final RegexScanner scanner;
    private final Map<String, RegexRule> rulesByName = new HashMap<>();
    private final RegexFindings findings = new RegexFindings();
    private boolean rewritten;

    /** @param window characters always held back; {@link RegexGuardSettings#STREAM_LIMIT} to buffer the answer */
    RegexStreamGuard(RegexScanner scanner, int window) {
        super(window, Math.max(window, 8192));
        this.scanner = scanner;
    }

    @Override
    protected List<TextSpan> find(String text) {
        List<TextSpan> spans = new ArrayList<>();
        try {
            for (RegexMatch match : scanner.scan(text)) {
                rulesByName.putIfAbsent(match.rule().name(), match.rule());
                spans.add(new TextSpan(match.start(), match.end(), match.rule().name()));
            }
        } catch (RegexScanner.ScanBudgetExceeded runaway) {
            spans.clear();
            spans.add(new TextSpan(0, text.length(), RUNAWAY));
        }
        return spans;
    }

    @Override
    protected Outcome onSpan(TextSpan span, String value, boolean truncated) {
        if (span.type().equals(RUNAWAY)) {
            return new Outcome.Block(new Verdict(Decision.BLOCK, "REGEX_SCAN_FAILED",
                    "A pattern exceeded its scan budget; the answer was stopped.", Optional.empty(), Optional.empty(), Map.of()));
        }
        RegexRule rule = rulesByName.get(span.type());
        findings.add(new RegexMatch(rule, span.start(), span.end()));
        return switch (rule.action()) {
            case BLOCK -> new Outcome.Block(RegexGuardGuardrail.verdict(Decision.BLOCK,
                    "The answer matches blocked patterns: " + findings.summary() + ".", findings));
            case REDACT -> {
                rewritten = true;
                yield new Outcome.Replace(rule.replacement());
            }
            case WARN, LOG_ONLY, ALLOW -> new Outcome.Keep();
        };
    }

    @Override
    protected Optional<Verdict> summary() {
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        String message = "The answer matches patterns: " + findings.summary() + ".";
        if (rewritten) {
            return Optional.of(new Verdict(Decision.REWRITE, RegexGuardGuardrail.REASON, message,
                    Optional.of(JsonNodeFactory.instance.objectNode()), Optional.empty(), findings.details()));
        }
        Decision decision = switch (findings.strongest()) {
            case WARN -> Decision.WARN;
            case LOG_ONLY -> Decision.LOG_ONLY;
            case ALLOW -> Decision.ALLOW;
            case BLOCK, REDACT -> throw new IllegalStateException("a block ends the stream and a redaction is a rewrite");
        };
        return Optional.of(RegexGuardGuardrail.verdict(decision, message, findings));
    }
}
