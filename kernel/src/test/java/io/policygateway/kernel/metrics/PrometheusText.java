package io.policygateway.kernel.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed scrape in the Prometheus text exposition format (0.0.4), as a Prometheus server reads
 * it: {@code # TYPE} lines name the metric families, every other non-comment line is one sample
 * {@code name{label="value",…} value}. Label values may hold escaped {@code \\}, {@code \"} and {@code \n}.
 */
public final class PrometheusText {
    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = List.copyOf(samples);
        this.types = Map.copyOf(types);
    }

    /** @throws IllegalArgumentException on a line that is not valid exposition format */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring("# TYPE ".length()).split(" ");
                types.put(parts[0], parts[1]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line));
        }
        return new PrometheusText(samples, types);
    }

    private static Sample sample(String line) {
        int index = 0;
        while (index < line.length() && line.charAt(index) != '{' && line.charAt(index) != ' ') {
            index++;
        }
        String name = line.substring(0, index);
        Map<String, String> labels = new LinkedHashMap<>();
        if (index < line.length() && line.charAt(index) == '{') {
            index++;
            while (line.charAt(index) != '}') {
                int equals = line.indexOf('=', index);
                String label = line.substring(index, equals);
                if (line.charAt(equals + 1) != '"') {
                    throw new IllegalArgumentException("label value not quoted: " + line);
                }
                StringBuilder value = new StringBuilder();
                int at = equals + 2;
                while (line.charAt(at) != '"') {
                    char c = line.charAt(at);
                    if (c == '\\') {
                        char escaped = line.charAt(++at);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                    at++;
                }
                labels.put(label, value.toString());
                index = at + 1;
                if (line.charAt(index) == ',') {
                    index++;
                }
            }
            index++;
        }
        String[] rest = line.substring(index).trim().split(" ");
        return new Sample(name, labels, parseValue(rest[0], line));
    }

    private static double parseValue(String text, String line) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a sample value in: " + line, e);
                }
            }
        };
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Metric family names from the {@code # TYPE} lines, with their type. */
    public Map<String, String> types() {
        return types;
    }

    /**
     * Every name a query may use: the families and the sample names (e.g. a histogram's
     * {@code _bucket}, {@code _sum}, {@code _count}, a counter's {@code _total}).
     */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>(types.keySet());
        samples.forEach(sample -> names.add(sample.name()));
        types.forEach((family, type) -> {
            switch (type) {
                case "histogram" -> names.addAll(List.of(family + "_bucket", family + "_sum", family + "_count"));
                case "summary" -> names.addAll(List.of(family + "_sum", family + "_count"));
                case "counter" -> names.add(family.endsWith("_total") ? family : family + "_total");
                default -> {
                }
            }
        });
        return names;
    }

    /**
     * The sum of the samples named {@code name} whose labels include {@code labels} (name, value
     * pairs); 0 when none matches, as for a counter that never moved.
     */
    public double sum(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    /** The samples named {@code name}. */
    public List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }
}
