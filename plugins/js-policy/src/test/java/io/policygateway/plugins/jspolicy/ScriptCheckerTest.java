package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptCheckerTest {
    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    @Test
    void reportsEveryBrokenScriptWithFileAndLine() {
        folder.write("a-good.js", "function onRequest() { return { action: 'allow' }; }\n");
        folder.write("b-syntax.js", "function onRequest() {\n  return {\n}\n");
        folder.write("c-throws.js", "\n\nnull.crash;\nfunction onRequest() {}\n");
        folder.write("d-no-hooks.js", "const unused = 1;\n");
        folder.write("notes.txt", "not a script");

        List<String> problems = ScriptChecker.check(folder.directory());

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(folder.directory().resolve("b-syntax.js") + ":4"), problems.get(0));
        assertTrue(problems.get(1).startsWith(folder.directory().resolve("c-throws.js") + ":3"), problems.get(1));
        assertTrue(problems.get(1).contains("TypeError"), problems.get(1));
        assertTrue(problems.get(2).startsWith(folder.directory().resolve("d-no-hooks.js") + ": defines none"),
                problems.get(2));
    }

    @Test
    void findsNoProblemInTheScriptsShippedWithTheDistribution() {
        assertEquals(List.of(), ScriptChecker.check(ExampleScripts.FOLDER));
    }

    @Test
    void reportsAFolderThatDoesNotExist() {
        Path missing = folder.directory().resolve("missing");

        assertEquals(List.of(missing + ": no such folder"), ScriptChecker.check(missing));
    }

    @Test
    void reportsATopLevelThatNeverEnds() {
        folder.write("spin.js", "while (true) {}\nfunction onRequest() {}\n");

        List<String> problems = ScriptChecker.check(folder.directory());

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("ran longer than the timeout"), problems.getFirst());
    }
}
