package io.policygateway.plugins.jspolicy;

import java.nio.file.Path;

/** Where the example scripts shipped in the distribution's policies folder live in the source tree. */
final class ExampleScripts {
    /** The distribution module copies this folder into the zip's {@code policies/}. */
    static final Path FOLDER = Path.of("..", "..", "distribution", "src", "main", "policies", "examples").toAbsolutePath().normalize();

    private ExampleScripts() {
    }
}
