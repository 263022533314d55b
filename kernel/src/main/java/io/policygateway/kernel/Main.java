package io.policygateway.kernel;

import io.policygateway.api.ConfigException;
import io.policygateway.kernel.auth.KeyHashes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code policy-gateway [--config FILE] [--port N] [--home DIR] [--check]} and
 * {@code policy-gateway keygen}. Environment: {@code POLICY_GATEWAY_CONFIG}, {@code PORT}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("policy-gateway: " + e.getMessage());
            err.println(Arguments.USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.println(Arguments.USAGE);
            return 0;
        }
        if (arguments.keygen()) {
            String key = KeyHashes.newKey();
            out.println("key:    " + key);
            out.println("sha256: " + KeyHashes.sha256Hex(key));
            out.println();
            out.println("Give the key to the caller; put only the hash in conf/gateway.yaml:");
            out.println("auth:");
            out.println("  keys:");
            out.println("    - name: my-app");
            out.println("      sha256: " + KeyHashes.sha256Hex(key));
            return 0;
        }
        GatewayOptions options = new GatewayOptions(arguments.home(), arguments.config(), Optional.empty(), arguments.port(),
                environment, System.out, true);
        if (arguments.check()) {
            return Check.run(options, out, err);
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(options);
        } catch (ConfigException e) {
            err.println("policy-gateway: invalid configuration: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("policy-gateway: failed to start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Parsed command line. */
    record Arguments(Path home, Optional<Path> config, OptionalInt port, boolean check, boolean keygen, boolean help) {
        static final String USAGE = """
                usage: policy-gateway [--config FILE] [--port N] [--home DIR] [--check]
                       policy-gateway keygen
                  --config FILE  config file (default: $POLICY_GATEWAY_CONFIG, else <home>/conf/gateway.yaml)
                  --port N       listen on port N (default: $PORT, else server.port, else 5000)
                  --home DIR     gateway home with conf/, plugins/, policies/, data/, logs/ (default: current directory)
                  --check        validate the config, plugins and policy scripts, then exit (0 = valid)
                  keygen         print a new gateway API key and the SHA-256 hash to put in the config""";

        static Arguments parse(String[] args, Map<String, String> environment) {
            Path home = Path.of(System.getProperty("policy.gateway.home", "."));
            Optional<Path> config = Optional.ofNullable(environment.get("POLICY_GATEWAY_CONFIG")).filter(v -> !v.isBlank()).map(Path::of);
            OptionalInt port = parsePort(environment.get("PORT"), "PORT");
            boolean check = false;
            boolean keygen = false;
            boolean help = false;
            List<String> rest = new ArrayList<>(List.of(args));
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                switch (arg) {
                    case "--config" -> config = Optional.of(Path.of(value(rest, ++i, arg)));
                    case "--port" -> port = parsePort(value(rest, ++i, arg), "--port");
                    case "--home" -> home = Path.of(value(rest, ++i, arg));
                    case "--check" -> check = true;
                    case "keygen" -> keygen = true;
                    case "--help", "-h", "help" -> help = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            return new Arguments(home, config, port, check, keygen, help);
        }

        private static String value(List<String> args, int index, String flag) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args.get(index);
        }

        private static OptionalInt parsePort(String text, String source) {
            if (text == null || text.isBlank()) {
                return OptionalInt.empty();
            }
            try {
                int port = Integer.parseInt(text.trim());
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return OptionalInt.of(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " must be a port number between 0 and 65535, got '" + text + "'");
            }
        }
    }
}
