package io.policygateway.api.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HoldBackStreamGuardTest {

    /** Replaces "key-" tokens with [KEY], blocks on "STOP", and holds "BEGIN ... END" blocks until complete. */
    static final class KeyGuard extends HoldBackStreamGuard {
        private static final Pattern SPANS = Pattern.compile("key-[a-z0-9]{8,}|STOP|BEGIN[^E]*?(?:END|$)");
        final List<Boolean> truncations = new ArrayList<>();
        int replaced;

        KeyGuard(int window, int maxHold) {
            super(window, maxHold);
        }

        @Override
        protected List<TextSpan> find(String text) {
            List<TextSpan> spans = new ArrayList<>();
            Matcher matcher = SPANS.matcher(text);
            while (matcher.find()) {
                spans.add(new TextSpan(matcher.start(), matcher.end(), matcher.group().startsWith("key") ? "key" : matcher.group().equals("STOP") ? "stop" : "block"));
            }
            return spans;
        }

        @Override
        protected Outcome onSpan(TextSpan span, String value, boolean truncated) {
            truncations.add(truncated);
            return switch (span.type()) {
                case "stop" -> new Outcome.Block(Verdict.block("STOPPED", "stop word"));
                case "key" -> {
                    replaced++;
                    yield new Outcome.Replace("[KEY]");
                }
                default -> new Outcome.Replace("[BLOCK]");
            };
        }

        @Override
        protected Optional<Verdict> summary() {
            return replaced == 0 ? Optional.empty() : Optional.of(Verdict.warn("KEYS", replaced + " keys"));
        }
    }

    private static String run(StreamGuard guard, String... chunks) {
        StringBuilder out = new StringBuilder();
        for (String chunk : chunks) {
            out.append(guard.onText(chunk).release());
        }
        return out.append(guard.finish().release()).toString();
    }

    @Test
    void neverReleasesATokenSplitAcrossDeltasBeforeItIsComplete() {
        KeyGuard guard = new KeyGuard(8, 1000);
        StringBuilder seen = new StringBuilder();
        for (String chunk : new String[] {"my k", "ey-abc", "def12", "34 is ", "secret and more words follow here"}) {
            seen.append(guard.onText(chunk).release());
            assertFalse(seen.toString().contains("key-"), seen.toString());
        }
        seen.append(guard.finish().release());
        assertEquals("my [KEY] is secret and more words follow here", seen.toString());
    }

    @Test
    void releasesEarlierTextWhileHoldingOnlyTheWindow() {
        KeyGuard guard = new KeyGuard(8, 1000);
        String released = guard.onText("one two three four five six seven ").release();
        assertTrue(released.startsWith("one two three four five"), released);
        assertFalse(released.contains("seven"), released);
    }

    @Test
    void holdsASpanThatReachesTheEndUntilItCloses() {
        KeyGuard guard = new KeyGuard(4, 1000);
        String first = guard.onText("text BEGIN aaaa bbbb cccc dddd ").release();
        assertEquals("text ", first);
        assertEquals("text [BLOCK] tail", first + guard.onText("END tail").release() + guard.finish().release());
    }

    @Test
    void releasesASpanCutByTheHoldLimitAsTruncated() {
        KeyGuard guard = new KeyGuard(4, 20);
        String released = guard.onText("BEGIN aaaa bbbb cccc dddd eeee ffff ").release();
        assertTrue(released.startsWith("[BLOCK]"), released);
        assertEquals(List.of(true), guard.truncations);
    }

    @Test
    void stopsReleasingAfterABlock() {
        KeyGuard guard = new KeyGuard(8, 1000);
        StreamGuard.Step step = guard.onText("fine text then STOP right here");
        assertEquals("fine text then ", step.release());
        assertEquals("STOPPED", step.verdict().orElseThrow().reasonCode());
        assertEquals("", guard.onText("more").release());
        assertTrue(guard.finish().verdict().isEmpty());
    }

    @Test
    void reportsTheSummaryWhenTheStreamEnds() {
        KeyGuard guard = new KeyGuard(8, 1000);
        assertEquals("a [KEY] b", run(guard, "a key-12345678", " b"));
        assertEquals(1, guard.replaced);
    }

    @Test
    void neverSplitsASurrogatePair() {
        KeyGuard guard = new KeyGuard(1, 1);
        String released = guard.onText("ab😀").release();
        assertFalse(!released.isEmpty() && Character.isHighSurrogate(released.charAt(released.length() - 1)), released);
    }
}
