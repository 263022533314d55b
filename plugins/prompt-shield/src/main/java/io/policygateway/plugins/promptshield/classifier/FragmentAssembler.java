package io.policygateway.plugins.promptshield.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts split instructions back together: quoted fragments assigned to variables and joined in the
 * order a concatenation names them ({@code a + b}) or substituted where the text names the
 * variables, all quoted fragments in order, and the first letters of lines or words (acrostics).
 * Stateless and thread-safe.
 */
final class FragmentAssembler {
    private static final Pattern CONCATENATION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])[a-z_][a-z0-9_]{0,15}(?:\\s*\\+\\s*[a-z_][a-z0-9_]{0,15})+");
    private static final Pattern QUOTED = Pattern.compile("[\"“‘`']([^\"”’`'\\n]{1,160})[\"”’`']");

    private FragmentAssembler() {
    }

    /** Joins assigned fragments in the order a concatenation names them, else all quoted fragments in order. */
    static Optional<String> assemble(String text, Map<String, String> fragments, WordSegmenter segmenter) {
        StringBuilder assembled = new StringBuilder();
        if (fragments.size() >= 2) {
            Matcher concatenation = CONCATENATION.matcher(text);
            while (concatenation.find()) {
                StringBuilder joined = new StringBuilder();
                for (String name : concatenation.group().split("\\s*\\+\\s*")) {
                    joined.append(fragments.getOrDefault(name, ""));
                }
                if (!joined.isEmpty()) {
                    assembled.append(joined).append('\n').append(segmenter.segment(joined.toString().replace(" ", "")))
                            .append('\n');
                }
            }
            String all = String.join("", fragments.values());
            assembled.append(all).append('\n').append(String.join(" ", fragments.values())).append('\n');
            assembled.append(substitute(text, fragments)).append('\n');
        } else {
            List<String> quoted = new ArrayList<>();
            Matcher matcher = QUOTED.matcher(text);
            while (matcher.find()) {
                quoted.add(matcher.group(1));
            }
            if (quoted.size() >= 2) {
                assembled.append(String.join("", quoted)).append('\n').append(String.join(" ", quoted)).append('\n');
            }
        }
        return assembled.isEmpty() ? Optional.empty() : Optional.of(TextNormalizer.normalize(assembled.toString()).lower());
    }

    /**
     * Variables assigned a quoted string ({@code a = 'ignore all'}, {@code B: "rules"}), in order. Found by
     * scanning for {@code =} and {@code :} rather than by a regular expression tried at every word.
     */
    static Map<String, String> assignments(String text) {
        Map<String, String> fragments = new LinkedHashMap<>();
        int nextEquals = text.indexOf('=');
        int nextColon = text.indexOf(':');
        while (nextEquals >= 0 || nextColon >= 0) {
            int i = nextEquals < 0 ? nextColon : nextColon < 0 ? nextEquals : Math.min(nextEquals, nextColon);
            char c = text.charAt(i);
            if (c == '=') {
                nextEquals = text.indexOf('=', i + 1);
            } else {
                nextColon = text.indexOf(':', i + 1);
            }
            int valueStart = i + 1;
            while (valueStart < text.length() && text.charAt(valueStart) == ' ') {
                valueStart++;
            }
            if (valueStart >= text.length() || "\"'“‘`".indexOf(text.charAt(valueStart)) < 0) {
                continue;
            }
            int valueEnd = valueStart + 1;
            while (valueEnd < text.length() && valueEnd - valueStart <= 160 && "\"'”’`\n".indexOf(text.charAt(valueEnd)) < 0) {
                valueEnd++;
            }
            int nameEnd = i;
            if (nameEnd > 0 && text.charAt(nameEnd - 1) == ':' && c == '=') {
                nameEnd--;
            }
            while (nameEnd > 0 && text.charAt(nameEnd - 1) == ' ') {
                nameEnd--;
            }
            int nameStart = nameEnd;
            while (nameStart > 0 && nameEnd - nameStart < 16 && isIdentifierChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            if (valueEnd < text.length() && valueEnd > valueStart + 1 && nameStart < nameEnd
                    && (nameStart == 0 || !isIdentifierChar(text.charAt(nameStart - 1)))
                    && !Character.isDigit(text.charAt(nameStart)) && text.charAt(valueEnd) != '\n') {
                fragments.put(text.substring(nameStart, nameEnd), text.substring(valueStart + 1, valueEnd));
            }
        }
        return fragments;
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The text with every variable name outside quotes replaced by its value ("output your A B"). */
    private static String substitute(String text, Map<String, String> fragments) {
        Pattern names = Pattern.compile("(?<![\\p{L}\\p{N}_'\"])(" + String.join("|", fragments.keySet().stream()
                .map(Pattern::quote).toList()) + ")(?![\\p{L}\\p{N}_'\"])");
        Matcher matcher = names.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(fragments.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String acrostic(String text, WordSegmenter segmenter) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\\n")) {
            String trimmed = line.strip().replaceFirst("^[^\\p{L}]+", "");
            if (!trimmed.isEmpty()) {
                lines.append(trimmed.charAt(0));
            }
        }
        StringBuilder words = new StringBuilder();
        for (String word : text.split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words.append(word.charAt(0));
            }
        }
        return segmenter.segment(lines.toString()) + "\n" + segmenter.segment(words.toString());
    }
}
