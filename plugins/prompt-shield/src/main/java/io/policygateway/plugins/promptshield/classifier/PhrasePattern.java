package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase shape ("ignore" + up to four modifiers + "instructions") compiled to one regular
 * expression, with anchors that make it cheap on long texts: the pattern is only tried when every
 * anchored word group occurs in the text, and only at the positions where its first group occurs.
 * Built with {@link PhrasePatternBuilder}; immutable and thread-safe.
 */
final class PhrasePattern {
    private final Pattern pattern;
    private final Anchor first;
    private final List<Anchor> required;
    private final int maxSpan;

    PhrasePattern(Pattern pattern, Anchor first, List<Anchor> required, int maxSpan) {
        this.pattern = requireNonNull(pattern, "pattern is null");
        this.first = requireNonNull(first, "first is null");
        this.required = List.copyOf(required);
        this.maxSpan = maxSpan;
    }

    /** The start and end offsets of one match. */
    record Match(int start, int end) {
    }

    /** Whether the phrase occurs in the view. */
    boolean matches(ViewIndex view) {
        return !find(view, 1).isEmpty();
    }

    /** Up to {@code limit} non-overlapping matches, in text order. */
    List<Match> find(ViewIndex view, int limit) {
        for (Anchor anchor : required) {
            if (!anchor.presentIn(view)) {
                return List.of();
            }
        }
        int[] candidates = first.positionsIn(view);
        if (candidates.length == 0) {
            return List.of();
        }
        String text = view.text();
        Matcher matcher = null;
        List<Match> matches = new ArrayList<>(2);
        int lastEnd = -1;
        for (int position : candidates) {
            if (position < lastEnd || !othersWithin(view, position, position + maxSpan)) {
                continue;
            }
            if (matcher == null) {
                matcher = pattern.matcher(text);
                matcher.useTransparentBounds(true);
                matcher.useAnchoringBounds(false);
            }
            matcher.region(position, Math.min(text.length(), position + maxSpan));
            if (matcher.lookingAt()) {
                matches.add(new Match(matcher.start(), matcher.end()));
                lastEnd = Math.max(matcher.end(), position + 1);
                if (matches.size() >= limit) {
                    break;
                }
            }
        }
        return matches;
    }

    /** Whether every other anchor occurs after {@code from} and before {@code to}: cheaper than trying the regex. */
    private boolean othersWithin(ViewIndex view, int from, int to) {
        for (Anchor anchor : required) {
            if (!anchor.occursWithin(view, from, to)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    /** Words or literal strings of which at least one must occur. */
    sealed interface Anchor {
        boolean presentIn(ViewIndex view);

        int[] positionsIn(ViewIndex view);

        /** Whether the anchor occurs at an offset in {@code (from, to)}. */
        boolean occursWithin(ViewIndex view, int from, int to);
    }

    /** Vocabulary words, found through the view's token index. */
    record WordAnchor(int[] wordIds) implements Anchor {
        @Override
        public boolean presentIn(ViewIndex view) {
            for (int id : wordIds) {
                if (view.contains(id)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean occursWithin(ViewIndex view, int from, int to) {
            for (int id : wordIds) {
                if (view.contains(id) && view.occursWithin(id, from, to)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int[] positionsIn(ViewIndex view) {
            int[] all = new int[0];
            for (int id : wordIds) {
                if (view.contains(id)) {
                    int[] more = view.positions(id);
                    int[] merged = Arrays.copyOf(all, all.length + more.length);
                    System.arraycopy(more, 0, merged, all.length, more.length);
                    all = merged;
                }
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** Literal strings (scripts without spaces between words, markup), found by substring search. */
    record LiteralAnchor(List<String> literals, boolean cjkOnly) implements Anchor {
        LiteralAnchor(List<String> literals) {
            this(literals, literals.stream().allMatch(literal -> !literal.isEmpty() && ViewIndex.isCjk(literal.charAt(0))));
        }

        /** False when one of the literal's punctuation characters is nowhere in the text. */
        private static boolean mayContain(ViewIndex view, String literal) {
            for (int i = 0; i < literal.length(); i++) {
                if (!view.mayContain(literal.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean occursWithin(ViewIndex view, int from, int to) {
            String text = view.text();
            for (String literal : literals) {
                int at = text.indexOf(literal, from + 1);
                if (at >= 0 && at < to) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean presentIn(ViewIndex view) {
            if (cjkOnly && !view.hasCjk()) {
                return false;
            }
            String text = view.text();
            for (String literal : literals) {
                if (mayContain(view, literal) && text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int[] positionsIn(ViewIndex view) {
            if (cjkOnly && !view.hasCjk()) {
                return new int[0];
            }
            String text = view.text();
            int[] all = new int[4];
            int count = 0;
            for (String literal : literals) {
                int at = mayContain(view, literal) ? text.indexOf(literal) : -1;
                while (at >= 0) {
                    if (count == all.length) {
                        all = Arrays.copyOf(all, count * 2);
                    }
                    all[count++] = at;
                    at = text.indexOf(literal, at + 1);
                }
            }
            int[] result = Arrays.copyOf(all, count);
            Arrays.sort(result);
            return result;
        }
    }
}
