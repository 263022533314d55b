package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * The anchor words of all rules, each with a dense id. Looked up by character range so that
 * tokenising a prompt allocates nothing for the (many) words that are not anchors.
 * Immutable once built; safe to share between threads.
 */
final class Vocabulary {
    private final String[] keys;
    private final int[] ids;
    private final int mask;
    private final int size;

    private Vocabulary(List<String> words) {
        this.size = words.size();
        int capacity = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        this.keys = new String[capacity];
        this.ids = new int[capacity];
        this.mask = capacity - 1;
        for (int id = 0; id < words.size(); id++) {
            String word = words.get(id);
            int slot = spread(word.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            ids[slot] = id;
        }
    }

    /** How many words there are; ids run from 0 to size - 1. */
    int size() {
        return size;
    }

    /** The id of {@code text[start, end)} when it is a vocabulary word, else -1. */
    int lookup(CharSequence text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return lookup(text, start, end, hash);
    }

    /** As {@link #lookup(CharSequence, int, int)}, with the range's {@link String#hashCode()} already computed. */
    int lookup(CharSequence text, int start, int end, int hash) {
        int length = end - start;
        int slot = spread(hash) & mask;
        while (true) {
            String key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (key.length() == length && regionEquals(key, text, start)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean regionEquals(String key, CharSequence text, int start) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Collects words while rules are built; {@link #freeze()} makes the lookup table. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        private final Set<String> dictionary = new HashSet<>();

        int idOf(String word) {
            requireNonNull(word, "word is null");
            return ids.computeIfAbsent(word, key -> {
                words.add(key);
                return words.size() - 1;
            });
        }

        /** Notes the plain ASCII words of a rule alternative, for {@link WordSegmenter}. */
        void remember(String alternative) {
            for (String word : alternative.split("[^a-z]+")) {
                if (!word.isEmpty()) {
                    dictionary.add(word);
                }
            }
        }

        Set<String> dictionary() {
            return Set.copyOf(dictionary);
        }

        Vocabulary freeze() {
            return new Vocabulary(List.copyOf(words));
        }
    }
}
