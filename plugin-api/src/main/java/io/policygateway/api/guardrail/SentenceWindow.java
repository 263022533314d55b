package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * Watches one streamed response. In {@link StreamMode#WINDOW} mode it holds back the sentence being
 * written and checks each completed sentence together with the one before it (so a remark split
 * over two sentences is still seen), releasing text only once it has passed; a sentence that never
 * ends is checked once it is {@value #MAX_HELD} characters long. The first verdict that is not an
 * allow is reported once; a block stops the stream; a rewrite releases the replacement's text
 * instead of the held text. Not thread-safe: one per stream.
 *
 * <p>For guardrails that judge whole sentences (classifiers, remote checks) rather than patterns;
 * pattern guardrails use {@link HoldBackStreamGuard}.
 */
public final class SentenceWindow implements StreamGuard {
    /** The longest text held or carried as context, in characters. */
    public static final int MAX_HELD = 400;

    private final StreamMode mode;
    private final Function<String, Optional<Verdict>> check;
    private final StringBuilder held = new StringBuilder();
    private final StringBuilder whole = new StringBuilder();
    private String previous = "";
    private boolean reported;
    private boolean blocked;

    /**
     * @param mode how the stream is handled
     * @param check judges a piece of text; empty or allow lets it pass
     */
    public SentenceWindow(StreamMode mode, Function<String, Optional<Verdict>> check) {
        this.mode = requireNonNull(mode, "mode is null");
        this.check = requireNonNull(check, "check is null");
    }

    @Override
    public Step onText(String text) {
        if (blocked) {
            return new Step("", Optional.empty());
        }
        return switch (mode) {
            case PASS_THROUGH -> {
                whole.append(text);
                yield new Step(text, Optional.empty());
            }
            case BUFFER -> {
                held.append(text);
                yield new Step("", Optional.empty());
            }
            case WINDOW -> {
                held.append(text);
                int end = completedSentencesEnd();
                yield end > 0 ? release(end) : new Step("", Optional.empty());
            }
        };
    }

    @Override
    public Step finish() {
        if (blocked) {
            return new Step("", Optional.empty());
        }
        return switch (mode) {
            case PASS_THROUGH -> new Step("", report(check.apply(whole.toString())));
            case BUFFER, WINDOW -> held.isEmpty() ? new Step("", Optional.empty()) : release(held.length());
        };
    }

    private Step release(int end) {
        String sentences = held.substring(0, end);
        Optional<Verdict> verdict = report(check.apply(mode == StreamMode.WINDOW ? previous + sentences : sentences));
        if (blocked) {
            return new Step("", verdict);
        }
        held.delete(0, end);
        previous = sentences.length() > MAX_HELD ? sentences.substring(sentences.length() - MAX_HELD) : sentences;
        return new Step(verdict.flatMap(SentenceWindow::rewrittenText).orElse(sentences), verdict);
    }

    /** The text of a rewrite verdict's replacement completion, if it is one. */
    private static Optional<String> rewrittenText(Verdict verdict) {
        if (verdict.decision() != Decision.REWRITE || verdict.replacement().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(verdict.replacement().get().path("choices").path(0).path("message").path("content").asText(""));
    }

    private Optional<Verdict> report(Optional<Verdict> verdict) {
        if (verdict.isPresent() && verdict.get().decision() == Decision.REWRITE) {
            return verdict;
        }
        if (verdict.isEmpty() || verdict.get().decision() == Decision.ALLOW || reported) {
            return Optional.empty();
        }
        reported = true;
        blocked = verdict.get().decision() == Decision.BLOCK;
        return verdict;
    }

    /** The end of the last completed sentence in the held text, or 0. */
    private int completedSentencesEnd() {
        for (int i = held.length() - 2; i >= 0; i--) {
            char c = held.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n' || c == '。' || c == '！' || c == '？')
                    && Character.isWhitespace(held.charAt(i + 1))) {
                return i + 2;
            }
        }
        return held.length() >= MAX_HELD ? held.length() : 0;
    }
}
