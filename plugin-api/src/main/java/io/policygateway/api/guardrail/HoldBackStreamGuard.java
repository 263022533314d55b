package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A {@link StreamGuard} for guardrails that find spans in text (a secret, an email address, a
 * banned word) and replace them or stop the stream. It releases to the caller only text that can
 * no longer become part of a span, so a value split across deltas is still caught whole.
 *
 * <p>What is held back after each delta:
 * <ul>
 *   <li>the last {@code window} characters, so an entity of up to that length with spaces inside
 *       (a card number, a phone number) is seen whole;</li>
 *   <li>a run of non-whitespace characters still open at the end: a token is never cut in the
 *       middle, however long (a JWT, an API key);</li>
 *   <li>a span that reaches the end of the text seen so far, because it may still grow (a PEM
 *       block before its END line).</li>
 * </ul>
 * Never more than {@code maxHold} characters are held: past that, all but the last
 * {@code window} characters are released, and a span cut by the limit is handed to
 * {@link #onSpan} with {@code truncated} set, so the guardrail can replace or block what it has.
 *
 * <p>{@link #find} sees up to {@code window} already released characters in front of the held
 * text, so context words and word boundaries are judged as they would be in the whole text.
 * Spans that lie entirely in that context were handled before and are skipped.
 *
 * <p>While no more than {@code window} characters are held, nothing can be released, so
 * {@link #find} is not called: with {@code window == maxHold} the guard buffers the answer and
 * scans it once, at the end or when the buffer is full.
 *
 * <p>Not thread-safe, like every {@link StreamGuard}: one instance per stream. After a block,
 * the guard releases nothing more.
 */
public abstract class HoldBackStreamGuard implements StreamGuard {
    private static final Step NOTHING = new Step("", Optional.empty());

    private final int window;
    private final int maxHold;
    private final StringBuilder held = new StringBuilder();
    private String context = "";
    private boolean ended;

    /**
     * @param window characters always held back (and kept as left context); at least the length
     *     of the longest entity with whitespace inside that the guardrail must catch
     * @param maxHold the most characters ever held back; at least {@code window}
     */
    protected HoldBackStreamGuard(int window, int maxHold) {
        if (window < 0 || maxHold < window) {
            throw new IllegalArgumentException("need 0 <= window <= maxHold, got window=" + window + ", maxHold=" + maxHold);
        }
        this.window = window;
        this.maxHold = maxHold;
    }

    /**
     * Finds the spans in {@code text}: sorted by start, not overlapping, offsets in UTF-16 units.
     * Must not keep state: it is called again on overlapping text as the stream advances.
     */
    protected abstract List<TextSpan> find(String text);

    /**
     * Decides what happens to a span as it is released; called exactly once per span, in order.
     *
     * @param span the span, in the coordinates of the held text
     * @param value the original text of the span
     * @param truncated whether the span was cut by the {@code maxHold} limit (more of it may follow)
     */
    protected abstract Outcome onSpan(TextSpan span, String value, boolean truncated);

    /** The verdict to report when the stream ends without a block, e.g. how much was redacted. */
    protected abstract Optional<Verdict> summary();

    @Override
    public final Step onText(String text) {
        requireNonNull(text, "text is null");
        if (ended) {
            return NOTHING;
        }
        held.append(text);
        if (held.length() <= window) {
            return NOTHING;
        }
        return release(false);
    }

    @Override
    public final Step finish() {
        if (ended) {
            return NOTHING;
        }
        Step last = release(true);
        if (last.verdict().isPresent()) {
            return last;
        }
        ended = true;
        return new Step(last.release(), summary());
    }

    private Step release(boolean everything) {
        String text = held.toString();
        int offset = context.length();
        List<TextSpan> spans = find(context + text);
        int cut = everything ? text.length() : safeCut(text, spans, offset);
        StringBuilder out = new StringBuilder(cut + 16);
        int position = 0;
        for (TextSpan found : spans) {
            if (found.end() <= offset) {
                continue;
            }
            int start = Math.max(found.start() - offset, position);
            if (start >= cut) {
                break;
            }
            int end = Math.min(found.end() - offset, cut);
            out.append(text, position, start);
            TextSpan span = new TextSpan(start, end, found.type());
            Outcome outcome = onSpan(span, text.substring(start, end), found.end() - offset > cut);
            switch (outcome) {
                case Outcome.Replace replace -> out.append(replace.text());
                case Outcome.Keep keep -> out.append(text, start, end);
                case Outcome.Block block -> {
                    ended = true;
                    held.setLength(0);
                    return new Step(out.toString(), Optional.of(block.verdict()));
                }
            }
            position = end;
        }
        out.append(text, position, cut);
        String released = context + text.substring(0, cut);
        context = released.substring(Math.max(0, released.length() - window));
        held.delete(0, cut);
        return new Step(out.toString(), Optional.empty());
    }

    private int safeCut(String text, List<TextSpan> spans, int offset) {
        int length = text.length();
        int cut = Math.max(0, length - window);
        while (cut > 0 && cut < length && !Character.isWhitespace(text.charAt(cut - 1))
                && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        for (TextSpan found : spans) {
            int start = Math.max(0, found.start() - offset);
            int end = found.end() - offset;
            if (end <= 0) {
                continue;
            }
            boolean crossesCut = start < cut && end > cut;
            boolean mayGrow = end >= length && start < cut;
            if (crossesCut || mayGrow) {
                cut = start;
                break;
            }
        }
        if (length - cut > maxHold) {
            cut = Math.max(0, length - window);
        }
        if (cut > 0 && cut < length && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return cut;
    }

    /** What becomes of a span when it is released. */
    public sealed interface Outcome {
        /** Send {@code text} instead of the span (a placeholder, or the original value restored). */
        record Replace(String text) implements Outcome {
            public Replace {
                requireNonNull(text, "text is null");
            }
        }

        /** Send the span unchanged (warn and log-only actions). */
        record Keep() implements Outcome {
        }

        /** End the stream here with a terminal error carrying the verdict's reason code. */
        record Block(Verdict verdict) implements Outcome {
            public Block {
                requireNonNull(verdict, "verdict is null");
            }
        }
    }
}
