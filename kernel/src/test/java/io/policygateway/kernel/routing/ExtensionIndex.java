package io.policygateway.kernel.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the PF4J extension index files ({@code META-INF/extensions.idx}) on the class path. */
public final class ExtensionIndex {
    private ExtensionIndex() {
    }

    /** Every class name listed in any index visible to {@code loader}. */
    public static List<String> listed(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            for (URL index : Collections.list(loader.getResources("META-INF/extensions.idx"))) {
                try (InputStream in = index.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(names);
    }
}
