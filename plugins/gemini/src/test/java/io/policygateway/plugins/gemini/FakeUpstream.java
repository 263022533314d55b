package io.policygateway.plugins.gemini;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-test HTTP server on port 0 that records each request and answers with a scripted status,
 * headers and body; a streamed body is written part by part with a flush after each.
 */
final class FakeUpstream implements AutoCloseable {

    /** What the gateway sent: header names lower-cased. */
    record Recorded(String method, String path, String query, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Map<String, String> headers = Map.of("content-type", "application/json");
    private volatile List<String> parts = List.of("{}");

    private FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeUpstream start() throws IOException {
        return new FakeUpstream();
    }

    /** Answers every following request with this JSON body. */
    FakeUpstream answerJson(int status, String body, Map<String, String> extraHeaders) {
        Map<String, String> all = new TreeMap<>(extraHeaders);
        all.put("content-type", "application/json");
        return answer(status, all, List.of(body));
    }

    /** Answers every following request with a server-sent event stream written in these parts. */
    FakeUpstream answerEventStream(List<String> streamParts) {
        return answer(200, Map.of("content-type", "text/event-stream"), streamParts);
    }

    FakeUpstream answer(int status, Map<String, String> headers, List<String> parts) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.parts = List.copyOf(parts);
        return this;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the fake upstream received no request");
        }
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> received = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), received, body));
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String part : parts) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
