package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Verdict;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hostile scripts reaching for the host: every attempt must fail inside the sandbox. */
class SandboxEscapeTest {
    private static final String PROBE = """
            function attempt(action) {
              try {
                const value = action();
                return 'reached ' + typeof value;
              } catch (error) {
                return 'stopped by ' + (error && error.name);
              }
            }
            function onRequest(req) {
              return { action: 'allow', reason_code: 'PROBE', message: JSON.stringify({
                java_type: attempt(() => Java.type('java.lang.Runtime')),
                java_packages: attempt(() => Packages.java.lang.System),
                java_global: attempt(() => java.lang.System.getenv()),
                polyglot_import: attempt(() => Polyglot.import('secrets')),
                polyglot_eval: attempt(() => Polyglot.eval('js', '1')),
                polyglot_eval_file: attempt(() => Polyglot.evalFile('js', '/etc/passwd')),
                load: attempt(() => load('/etc/passwd')),
                load_with_new_global: attempt(() => loadWithNewGlobal('/etc/passwd')),
                require: attempt(() => require('fs')),
                read_file: attempt(() => readFile('/etc/passwd')),
                read: attempt(() => read('/etc/passwd')),
                eval: attempt(() => eval('1 + 1')),
                function_constructor: attempt(() => new Function('return 1')()),
                constructor_of_a_helper: attempt(() => gateway.hash.constructor('return globalThis')()),
                generator_constructor: attempt(() => Object.getPrototypeOf(function* () {}).constructor('yield 1')),
                print: attempt(() => print('x')),
                console: attempt(() => console.log('x')),
                graal: attempt(() => Graal.versionJS),
                process_env: attempt(() => process.env.HOME),
                env: attempt(() => $ENV.HOME),
                exec: attempt(() => $EXEC('id')),
                arguments_global: attempt(() => globalThis.arguments.length),
                fetch: attempt(() => fetch('http://127.0.0.1')),
                xml_http_request: attempt(() => new XMLHttpRequest()),
                worker: attempt(() => new Worker('x.js')),
                shared_array_buffer: attempt(() => new SharedArrayBuffer(8)),
                atomics_wait: attempt(() => Atomics.wait(new Int32Array(4), 0, 0)),
                set_timeout: attempt(() => setTimeout(() => 1, 1)),
                quit: attempt(() => quit()),
                exit: attempt(() => exit(1)),
              }) };
            }
            """;

    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    @Test
    void everyWayToReachTheHostFailsInsideTheScript() throws Exception {
        folder.write("probe.js", PROBE);
        Verdict verdict = folder.guardrail("probe.js").beforeRequest(Chat.request("Hi"));
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = Chat.JSON.readValue(verdict.message(), Map.class);

        assertEquals(Decision.ALLOW, verdict.decision());
        Function<String, Executable> missing = key -> () -> assertEquals("stopped by ReferenceError", seen.get(key), key);
        Function<String, Executable> refused = key -> () -> assertEquals("stopped by EvalError", seen.get(key), key);
        assertAll(
                missing.apply("java_type"), missing.apply("java_packages"), missing.apply("java_global"),
                missing.apply("polyglot_import"), missing.apply("polyglot_eval"), missing.apply("polyglot_eval_file"),
                missing.apply("load"), missing.apply("load_with_new_global"), missing.apply("require"),
                missing.apply("read_file"), missing.apply("read"), refused.apply("eval"),
                refused.apply("function_constructor"), refused.apply("constructor_of_a_helper"),
                refused.apply("generator_constructor"), missing.apply("print"), missing.apply("console"),
                missing.apply("graal"), missing.apply("process_env"), missing.apply("env"), missing.apply("exec"),
                () -> assertEquals("stopped by TypeError", seen.get("arguments_global"), "arguments_global"),
                missing.apply("fetch"), missing.apply("xml_http_request"), missing.apply("worker"),
                missing.apply("shared_array_buffer"), missing.apply("atomics_wait"), missing.apply("set_timeout"),
                missing.apply("quit"), missing.apply("exit"));
    }

    @Test
    void theGlobalObjectHoldsOnlyStandardJavaScriptBuiltIns() throws Exception {
        folder.write("globals.js", """
                function onRequest(req) {
                  return { action: 'allow', reason_code: 'GLOBALS',
                           details: { names: Object.getOwnPropertyNames(globalThis).sort() } };
                }
                """);
        Verdict verdict = folder.guardrail("globals.js").beforeRequest(Chat.request("Hi"));

        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) verdict.details().get("names");
        assertEquals(List.of("AggregateError", "Array", "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array",
                "Boolean", "DataView", "Date", "Error", "EvalError", "Float16Array", "Float32Array", "Float64Array",
                "Function", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Iterator", "JSON", "Map",
                "Math", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect",
                "RegExp", "Set", "String", "Symbol", "SyntaxError", "TypeError", "URIError", "Uint16Array",
                "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap", "WeakSet", "decodeURI",
                "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "eval", "globalThis", "isFinite",
                "isNaN", "parseFloat", "parseInt", "undefined", "unescape"),
                names.stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void aStaticImportIsRefusedWhenTheScriptLoads() {
        folder.write("imports.js", "import fs from 'fs';\nfunction onRequest() { return { action: 'allow' }; }\n");

        ConfigException error = assertThrows(ConfigException.class, () -> folder.guardrail("imports.js"));

        assertTrue(error.getMessage().contains("imports.js:1"), error.getMessage());
    }

    @Test
    void aDynamicImportIsRejectedWithinTheSameCall() throws Exception {
        folder.write("import-loaded.js", """
                function onRequest(req) {
                  import('/etc/hostname').then(() => { for (;;) {} }, () => {});
                  return { action: 'allow', reason_code: 'IMPORT_TRIED' };
                }
                """);
        folder.write("import-rejected.js", """
                function onRequest(req) {
                  import('/etc/hostname').then(() => {}, () => { for (;;) {} });
                  return { action: 'allow', reason_code: 'IMPORT_TRIED' };
                }
                """);

        Verdict ifLoaded = folder.guardrail("import-loaded.js").beforeRequest(Chat.request("Hi"));
        Verdict ifRejected = folder.guardrail("import-rejected.js").beforeRequest(Chat.request("Hi"));

        assertEquals("IMPORT_TRIED", ifLoaded.reasonCode(), "the import must not load the file");
        assertEquals("SCRIPT_TIMEOUT", ifRejected.reasonCode(), "the rejection callback must run in the same call");
    }
}
