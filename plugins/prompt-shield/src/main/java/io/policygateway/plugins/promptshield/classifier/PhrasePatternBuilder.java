package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link PhrasePattern} from word groups, so rules read as phrase shapes rather than
 * regular expressions. Word alternatives are plain lower-case words or phrases: a space inside a
 * phrase matches spaces, underscores or hyphens; a hyphen matches a hyphen, a space or nothing; an
 * apostrophe is optional and may be typographic. Every word group becomes an anchor.
 */
final class PhrasePatternBuilder {
    static final String WORD_CLASS = "\\p{L}\\p{N}\\p{M}";
    static final String START = "(?<![" + WORD_CLASS + "])";
    static final String END = "(?![" + WORD_CLASS + "])";
    static final String SEPARATOR = "[^" + WORD_CLASS + "]+";
    static final String ANY_WORD = "[" + WORD_CLASS + "'’]+";
    private static final int DEFAULT_SPAN = 200;

    private final Vocabulary.Builder vocabulary;
    private final StringBuilder regex = new StringBuilder();
    private final List<PhrasePattern.Anchor> anchors = new ArrayList<>();
    private PhrasePattern.Anchor first;
    private boolean needsSeparator;
    private int span = DEFAULT_SPAN;

    PhrasePatternBuilder(Vocabulary.Builder vocabulary) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /** One of these words or phrases (an anchor). */
    PhrasePatternBuilder words(List<String> alternatives) {
        separatorIfNeeded();
        regex.append(START).append(remembered(alternatives)).append(END);
        anchor(wordAnchor(alternatives));
        needsSeparator = true;
        return this;
    }

    PhrasePatternBuilder words(String... alternatives) {
        return words(List.of(alternatives));
    }

    /** Optionally one of these words (not an anchor). */
    PhrasePatternBuilder optional(List<String> alternatives) {
        requireStarted();
        regex.append("(?:").append(SEPARATOR).append(remembered(alternatives)).append(END).append(")?");
        return this;
    }

    PhrasePatternBuilder optional(String... alternatives) {
        return optional(List.of(alternatives));
    }

    /** Up to {@code max} words, each one of {@code alternatives} (not an anchor). */
    PhrasePatternBuilder modifiers(List<String> alternatives, int max) {
        requireStarted();
        regex.append("(?:").append(SEPARATOR).append(remembered(alternatives)).append(END).append("){0,").append(max).append('}');
        return this;
    }

    /** Up to {@code max} arbitrary words. */
    PhrasePatternBuilder gap(int max) {
        requireStarted();
        regex.append("(?:").append(SEPARATOR).append(ANY_WORD).append("){0,").append(max).append("}?");
        return this;
    }

    /** One of these literal strings (an anchor), for scripts without spaces and for markup. */
    PhrasePatternBuilder literals(List<String> alternatives) {
        List<String> sorted = longestFirst(alternatives);
        StringBuilder group = new StringBuilder("(?:");
        for (int i = 0; i < sorted.size(); i++) {
            group.append(i == 0 ? "" : "|").append(Pattern.quote(sorted.get(i)));
        }
        regex.append(group).append(')');
        anchor(new PhrasePattern.LiteralAnchor(List.copyOf(sorted)));
        needsSeparator = false;
        return this;
    }

    PhrasePatternBuilder literals(String... alternatives) {
        return literals(List.of(alternatives));
    }

    /** Up to {@code max} characters of anything (lazily). */
    PhrasePatternBuilder chars(int max) {
        requireStarted();
        regex.append("[\\s\\S]{0,").append(max).append("}?");
        needsSeparator = false;
        return this;
    }

    /** A raw regular expression (not an anchor unless literal anchors are given). */
    PhrasePatternBuilder raw(String expression, String... literalAnchors) {
        if (literalAnchors.length > 0) {
            anchor(new PhrasePattern.LiteralAnchor(List.of(literalAnchors)));
        } else {
            requireStarted();
        }
        regex.append(expression);
        needsSeparator = false;
        return this;
    }

    /**
     * A zero-width condition on what precedes the phrase (a lookbehind), e.g. a line start. Allowed
     * before the first anchored element, since it does not move the match start.
     */
    PhrasePatternBuilder precededBy(String lookbehind) {
        regex.append("(?<=").append(lookbehind).append(')');
        return this;
    }

    /** A zero-width condition on what must not precede the phrase (a negative lookbehind). */
    PhrasePatternBuilder notPrecededBy(String lookbehind) {
        regex.append("(?<!").append(lookbehind).append(')');
        return this;
    }

    /** Requires a word separator before the next element even after {@link #raw} or {@link #chars}. */
    PhrasePatternBuilder separator() {
        needsSeparator = true;
        return this;
    }

    /** The longest text a match may span (default 200 characters). */
    PhrasePatternBuilder span(int characters) {
        this.span = characters;
        return this;
    }

    PhrasePattern build() {
        requireStarted();
        return new PhrasePattern(Pattern.compile(regex.toString()), first, anchors, span);
    }

    private void separatorIfNeeded() {
        if (needsSeparator) {
            regex.append(SEPARATOR);
        }
    }

    private void anchor(PhrasePattern.Anchor anchor) {
        if (first == null) {
            first = anchor;
        } else {
            anchors.add(anchor);
        }
    }

    private void requireStarted() {
        if (first == null) {
            throw new IllegalStateException("a phrase must start with words, literals or an anchored raw expression");
        }
    }

    private PhrasePattern.WordAnchor wordAnchor(List<String> alternatives) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (String alternative : alternatives) {
            for (String token : firstTokens(alternative)) {
                ids.add(vocabulary.idOf(token));
            }
        }
        return new PhrasePattern.WordAnchor(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The tokens a text holds where the alternative starts: its first word, and that word run together. */
    static List<String> firstTokens(String alternative) {
        String firstWord = alternative.split(" ", 2)[0];
        List<String> tokens = new ArrayList<>(2);
        int end = 0;
        while (end < firstWord.length() && ViewIndex.isWordChar(firstWord.charAt(end))) {
            end++;
        }
        if (end > 0) {
            tokens.add(firstWord.substring(0, end));
        }
        String joined = firstWord.replace("-", "").replace("'", "");
        int joinedEnd = 0;
        while (joinedEnd < joined.length() && ViewIndex.isWordChar(joined.charAt(joinedEnd))) {
            joinedEnd++;
        }
        if (joinedEnd > 0 && !tokens.contains(joined.substring(0, joinedEnd))) {
            tokens.add(joined.substring(0, joinedEnd));
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("'" + alternative + "' has no word to anchor on");
        }
        return tokens;
    }

    private String remembered(List<String> alternatives) {
        alternatives.forEach(vocabulary::remember);
        return alternation(alternatives);
    }

    /** An alternation of phrases usable inside a lookbehind (every repetition bounded). */
    static String boundedAlternation(List<String> phrases) {
        StringBuilder group = new StringBuilder("(?:");
        List<String> sorted = longestFirst(phrases);
        for (int i = 0; i < sorted.size(); i++) {
            group.append(i == 0 ? "" : "|").append(wordRegex(sorted.get(i)).replace("[\\s_-]+", "[\\s_-]{1,3}"));
        }
        return group.append(')').toString();
    }

    static String alternation(List<String> alternatives) {
        StringBuilder group = new StringBuilder("(?:");
        List<String> sorted = longestFirst(alternatives);
        for (int i = 0; i < sorted.size(); i++) {
            group.append(i == 0 ? "" : "|").append(wordRegex(sorted.get(i)));
        }
        return group.append(')').toString();
    }

    private static String wordRegex(String alternative) {
        if (alternative.isEmpty() || !alternative.equals(alternative.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("word alternatives are non-empty and lower-case: '" + alternative + "'");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            switch (c) {
                case ' ' -> out.append("[\\s_-]+");
                case '-' -> out.append("[\\s_-]?");
                case '\'' -> out.append("['’]?");
                case '.', '?', '*', '+', '(', ')', '[', ']', '{', '}', '|', '^', '$', '\\' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> longestFirst(List<String> alternatives) {
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a word group needs at least one alternative");
        }
        return alternatives.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
