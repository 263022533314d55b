package io.policygateway.kernel.testing;

import io.policygateway.kernel.Gateway;
import io.policygateway.kernel.GatewayOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A real gateway on an ephemeral port for tests: started from a YAML string and an explicit
 * environment (the process environment is not used), with the access log captured. Plugins on the
 * test class path (their {@code META-INF/extensions.idx}) are loaded as built-in extensions, plus
 * any JARs in {@code <home>/plugins}.
 */
public final class TestGateway implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Gateway gateway;
    private final Path home;
    private final ByteArrayOutputStream accessLog;

    private TestGateway(Gateway gateway, Path home, ByteArrayOutputStream accessLog) {
        this.gateway = gateway;
        this.home = home;
        this.accessLog = accessLog;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects how to start the gateway. */
    public static final class Builder {
        private String config = "";
        private final Map<String, String> environment = new HashMap<>();
        private Path home;

        public Builder config(String yaml) {
            this.config = yaml;
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder home(Path directory) {
            this.home = directory;
            return this;
        }

        public TestGateway start() throws Exception {
            Path directory = home != null ? home : Files.createTempDirectory("policy-gateway-test");
            ByteArrayOutputStream accessLog = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(new TeeStream(accessLog), true, StandardCharsets.UTF_8);
            GatewayOptions options = new GatewayOptions(directory, Optional.empty(), Optional.of(config), OptionalInt.of(0),
                    environment, capture, false);
            return new TestGateway(Gateway.start(options), directory, accessLog);
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    public Path home() {
        return home;
    }

    public int port() {
        return gateway.port();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** POSTs a JSON body; {@code headers} are name, value pairs. */
    public HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The access log lines written so far. */
    public List<String> accessLogLines() {
        return accessLog.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Waits (up to 5 s) for an access log line matching {@code condition}: lines are written just
     * after the response, so a test reading them right after its request must wait.
     */
    public String awaitAccessLog(java.util.function.Predicate<String> condition) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            for (String line : accessLogLines()) {
                if (condition.test(line)) {
                    return line;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no access log line matched within 5 s; lines: " + accessLogLines());
    }

    @Override
    public void close() {
        gateway.close();
    }

    /** Captures and echoes to stdout, so failing tests still show the lines. */
    private static final class TeeStream extends java.io.OutputStream {
        private final ByteArrayOutputStream capture;

        TeeStream(ByteArrayOutputStream capture) {
            this.capture = capture;
        }

        @Override
        public synchronized void write(int b) {
            capture.write(b);
            System.out.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            capture.write(bytes, offset, length);
            System.out.write(bytes, offset, length);
        }
    }
}
