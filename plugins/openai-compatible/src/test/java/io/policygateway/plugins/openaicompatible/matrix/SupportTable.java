package io.policygateway.plugins.openaicompatible.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The format support tables of the translate README: one section per client format, one cell per feature and provider. */
final class SupportTable {
    private static final Pattern SECTION = Pattern.compile("^### .*\\(`(/v1/[a-z/]+)`\\)\\s*$");

    /** What a cell promises. */
    enum Support { WORKS, REFUSED, NOT_APPLICABLE }

    record Cell(String path, String feature, String provider, Support support) {
    }

    private SupportTable() {
    }

    static List<Cell> read(Path readme) throws IOException {
        List<Cell> cells = new ArrayList<>();
        String path = null;
        List<String> providers = List.of();
        for (String line : Files.readAllLines(readme)) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                path = section.group(1);
                providers = List.of();
                continue;
            }
            if (path == null || !line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> columns = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::strip).toList();
            if (columns.get(0).equals("feature")) {
                providers = columns.subList(1, columns.size());
                continue;
            }
            for (int i = 1; i < columns.size(); i++) {
                cells.add(new Cell(path, columns.get(0), providers.get(i - 1), switch (columns.get(i)) {
                    case "✓" -> Support.WORKS;
                    case "✗" -> Support.REFUSED;
                    case "n/a" -> Support.NOT_APPLICABLE;
                    default -> throw new IllegalArgumentException("unknown table symbol '" + columns.get(i) + "' in: " + line);
                }));
            }
        }
        return cells;
    }
}
