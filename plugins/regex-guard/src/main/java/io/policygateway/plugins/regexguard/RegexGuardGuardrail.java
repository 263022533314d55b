package io.policygateway.plugins.regexguard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.ObservingStreamGuard;
import io.policygateway.api.guardrail.StreamMode;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The regex-guard guardrail: runs the configured patterns over requests, answers and streams.
 * Matches of redact patterns are replaced; the most severe action among the patterns that matched
 * decides the verdict (block, then rewrite, warn, log-only). A runaway pattern is a fault, reported
 * as a {@link GatewayException}. Thread-safe; no per-request state.
 */
final class RegexGuardGuardrail implements Guardrail {
    static final String REASON = "REGEX_MATCH";

    private final RegexScanner scanner;
    private final int streamWindow;
    private final StreamMode streamMode;

    RegexGuardGuardrail(RegexScanner scanner, int streamWindow, StreamMode streamMode) {
        this.scanner = requireNonNull(scanner, "scanner is null");
        this.streamWindow = streamWindow;
        this.streamMode = requireNonNull(streamMode, "streamMode is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) throws GatewayException {
        return scan(ChatText.requestTexts(request.body()), "request",
                redact -> ChatText.rewriteRequest(request.body(), redact::apply));
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) throws GatewayException {
        return scan(ChatText.responseTexts(response.body()), "answer",
                redact -> ChatText.rewriteResponse(response.body(), redact::apply));
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return switch (streamMode) {
            case WINDOW -> new RegexStreamGuard(scanner, streamWindow);
            case BUFFER -> new RegexStreamGuard(scanner, RegexGuardSettings.STREAM_LIMIT);
            case PASS_THROUGH -> new ObservingStreamGuard(RegexGuardSettings.STREAM_LIMIT, this::observed);
        };
    }

    /** What a pass-through stream records: the pattern matches in the answer, as log-only. */
    private Optional<Verdict> observed(String answer) {
        RegexFindings findings = new RegexFindings();
        try {
            scanner.scan(answer).forEach(findings::add);
        } catch (RegexScanner.ScanBudgetExceeded runaway) {
            return Optional.of(new Verdict(Decision.LOG_ONLY, "REGEX_SCAN_FAILED", "A pattern exceeded its scan budget.",
                    Optional.empty(), Optional.empty(), Map.of()));
        }
        return findings.isEmpty() ? Optional.empty() : Optional.of(verdict(Decision.LOG_ONLY,
                "The answer matched patterns: " + findings.summary() + "; pass-through streams are not changed.", findings));
    }

    private Verdict scan(List<ChatText.Segment> segments, String where,
            Function<Function<String, String>, ObjectNode> rewrite) throws GatewayException {
        Map<String, List<RegexMatch>> found = new HashMap<>();
        RegexFindings findings = new RegexFindings();
        try {
            for (ChatText.Segment segment : segments) {
                found.computeIfAbsent(segment.text(), scanner::scan).forEach(findings::add);
            }
        } catch (RegexScanner.ScanBudgetExceeded runaway) {
            throw new GatewayException(ErrorCategory.INTERNAL, "regex-guard: " + runaway.getMessage());
        }
        if (findings.isEmpty()) {
            return Verdict.allow();
        }
        String summary = findings.summary();
        return switch (findings.strongest()) {
            case BLOCK -> verdict(Decision.BLOCK, "The " + where + " matches blocked patterns: " + summary + ".", findings);
            case REDACT -> Verdict.rewrite(REASON, "Matches in the " + where + " were replaced: " + summary + ".",
                    rewrite.apply(text -> redact(text, found.computeIfAbsent(text, scanner::scan)))).withDetails(findings.details());
            case WARN -> verdict(Decision.WARN, "The " + where + " matches patterns: " + summary + ".", findings);
            case LOG_ONLY -> verdict(Decision.LOG_ONLY, "The " + where + " matches patterns: " + summary + ".", findings);
            case ALLOW -> verdict(Decision.ALLOW, "The " + where + " matches patterns: " + summary + ".", findings);
        };
    }

    static Verdict verdict(Decision decision, String message, RegexFindings findings) {
        return new Verdict(decision, REASON, message, Optional.empty(), Optional.empty(), findings.details());
    }

    private static String redact(String text, List<RegexMatch> matches) {
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (RegexMatch match : matches) {
            if (match.rule().action() == RegexAction.REDACT) {
                out.append(text, position, match.start()).append(match.rule().replacement());
                position = match.end();
            }
        }
        return out.append(text, position, text.length()).toString();
    }
}
