package io.policygateway.plugins.regexguard;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs the configured rules over a text with two guards against patterns that backtrack
 * catastrophically (such as {@code (a+)+$}):
 * <ul>
 *   <li>each scan covers at most {@code chunk} characters: a longer text is scanned in overlapping
 *       regions of that size (lookarounds still see across region borders, anchors do not match at
 *       them), so the cost of one scan does not grow with the prompt; a match must fit in the
 *       {@code overlap} to be found where two regions meet;</li>
 *   <li>every scan has a budget of character reads, {@code budgetPerCharacter} times the region
 *       length; a pattern that exceeds it stops the scan with {@link ScanBudgetExceeded}, which the
 *       guardrail reports as a fault (the gateway then fails closed or open as configured).</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class RegexScanner {
    private final List<RegexRule> rules;
    private final int chunk;
    private final int overlap;
    private final long budgetPerCharacter;

    RegexScanner(List<RegexRule> rules, int chunk, int overlap, long budgetPerCharacter) {
        this.rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (chunk <= overlap || overlap < 0) {
            throw new IllegalArgumentException("need 0 <= overlap < chunk");
        }
        this.chunk = chunk;
        this.overlap = overlap;
        this.budgetPerCharacter = budgetPerCharacter;
    }

    /** The matches of every rule, sorted by start; where matches overlap, the earlier (then longer) wins. */
    List<RegexMatch> scan(String text) {
        List<RegexMatch> all = new ArrayList<>();
        for (RegexRule rule : rules) {
            scan(rule, text, all);
        }
        if (all.size() < 2) {
            return all;
        }
        all.sort(Comparator.comparingInt(RegexMatch::start).thenComparing(Comparator.comparingInt(RegexMatch::end).reversed()));
        List<RegexMatch> kept = new ArrayList<>(all.size());
        int covered = -1;
        for (RegexMatch match : all) {
            if (match.start() >= covered) {
                kept.add(match);
                covered = Math.max(covered, match.end());
            }
        }
        return kept;
    }

    private void scan(RegexRule rule, String text, List<RegexMatch> out) {
        int step = chunk - overlap;
        for (int regionStart = 0; regionStart < text.length() || regionStart == 0; regionStart += step) {
            int regionEnd = Math.min(text.length(), regionStart + chunk);
            boolean last = regionEnd == text.length();
            BudgetedText budgeted = new BudgetedText(text, budgetPerCharacter * (regionEnd - regionStart) + 10_000, rule.name());
            Matcher matcher = rule.pattern().matcher(budgeted).region(regionStart, regionEnd)
                    .useTransparentBounds(true).useAnchoringBounds(false);
            while (matcher.find()) {
                boolean belongsHere = last || matcher.start() < regionStart + step;
                if (belongsHere && matcher.end() > matcher.start()) {
                    out.add(new RegexMatch(rule, matcher.start(), matcher.end()));
                }
            }
            if (last) {
                break;
            }
        }
    }

    /** A pattern read more characters than its budget allows: it is backtracking out of control. */
    static final class ScanBudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScanBudgetExceeded(String rule) {
            super("pattern '" + rule + "' exceeded its scan budget (catastrophic backtracking?)", null, false, false);
        }
    }

    /** The text as the regex engine reads it, counting reads against a budget. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final String rule;
        private long remaining;

        BudgetedText(String text, long budget, String rule) {
            this.text = text;
            this.remaining = budget;
            this.rule = rule;
        }

        @Override
        public char charAt(int index) {
            if (--remaining < 0) {
                throw new ScanBudgetExceeded(rule);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
