package io.policygateway.plugins.jspolicy;

import io.policygateway.plugins.jspolicy.CompiledScript.LoadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks every policy script of a folder the way the gateway loads them (compile, then run the
 * top level once in the sandbox and look for hooks) without starting anything else. Backs
 * {@code policy-gateway --check}; safe to call from any thread, also while a gateway runs.
 */
public final class ScriptChecker {
    private ScriptChecker() {
    }

    /**
     * Checks the {@code .js} files directly inside {@code directory}.
     *
     * @return one line per problem, {@code <folder>/<file>:<line>:<column>: <message>}; empty when
     *     every script loads (or the folder has none)
     */
    public static List<String> check(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of(directory + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".js"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(directory + ": cannot be listed: " + e.getMessage());
        }
        if (files.isEmpty()) {
            return List.of();
        }
        JavaScriptRuntime runtime = JavaScriptRuntime.shared();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text;
            try {
                if (Files.size(file) > ScriptDirectory.MAX_FILE_BYTES) {
                    problems.add(file + ": larger than " + (ScriptDirectory.MAX_FILE_BYTES >> 10) + " KB");
                    continue;
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
                continue;
            }
            LoadResult result = CompiledScript.load(runtime, name, text, ScriptDirectory.LOAD_TIMEOUT,
                    ScriptDirectory.LOAD_MEMORY_BYTES);
            switch (result) {
                case LoadResult.Loaded loaded -> loaded.script().retire();
                case LoadResult.Failure failure -> problems.add(failure.problem().toString(directory));
            }
        }
        return List.copyOf(problems);
    }

    /** Prints the problems of the folder given as the only argument; exits with 1 when there are any. */
    public static void main(String[] arguments) {
        if (arguments.length != 1) {
            System.err.println("usage: ScriptChecker <policies folder>");
            System.exit(2);
        }
        List<String> problems = check(Path.of(arguments[0]));
        problems.forEach(System.err::println);
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
