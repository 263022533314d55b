package io.policygateway.kernel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An in-test HTTP upstream on an ephemeral loopback port. Replies are scripted: queued replies are
 * used first, then the default handler. It records every request it received, and can fail the
 * way real upstreams do: error statuses, {@code Retry-After}, hanging, cutting a stream, garbage.
 */
public final class FakeUpstream implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final ConcurrentLinkedQueue<Function<Recorded, Reply>> queued = new ConcurrentLinkedQueue<>();
    private final List<Recorded> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> replyFailures = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Recorded, Reply> fallback = request -> Reply.status(404, "{\"error\":{\"message\":\"no reply scripted\"}}");

    /** One request as the upstream saw it. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer. */
    public interface Reply {
        void write(Response response, OutputStream out, CountDownLatch released) throws IOException, InterruptedException;

        static Reply status(int status, String json) {
            return json(status, json, Map.of());
        }

        static Reply json(int status, String json, Map<String, String> headers) {
            return (response, out, released) -> {
                response.setStatus(status);
                headers.forEach((name, value) -> response.getHeaders().put(name, value));
                response.getHeaders().put("content-type", "application/json");
                out.write(json.getBytes(StandardCharsets.UTF_8));
            };
        }

        /** Raw bytes with the given content type (e.g. garbage that is not JSON). */
        static Reply raw(int status, String contentType, String body) {
            return (response, out, released) -> {
                response.setStatus(status);
                response.getHeaders().put("content-type", contentType);
                out.write(body.getBytes(StandardCharsets.UTF_8));
            };
        }

        /**
         * An event stream: each string is written as-is (include the {@code data: …\n\n} framing),
         * flushed, then the reply pauses {@code pauseMillis}.
         */
        static Reply sse(List<String> frames, long pauseMillis) {
            return (response, out, released) -> {
                response.setStatus(200);
                response.getHeaders().put("content-type", "text/event-stream");
                for (String frame : frames) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                }
            };
        }

        /** Sends the frames then kills the connection without finishing the response. */
        static Reply sseThenCut(List<String> frames) {
            return (response, out, released) -> {
                response.setStatus(200);
                response.getHeaders().put("content-type", "text/event-stream");
                for (String frame : frames) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                throw new IOException("cut by test");
            };
        }

        /** Never answers until the fake is closed. */
        static Reply hang() {
            return (response, out, released) -> released.await(60, TimeUnit.SECONDS);
        }

        /** Sends stream frames then stops sending anything (a stalled stream). */
        static Reply sseThenStall(List<String> frames) {
            return (response, out, released) -> {
                response.setStatus(200);
                response.getHeaders().put("content-type", "text/event-stream");
                for (String frame : frames) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                released.await(60, TimeUnit.SECONDS);
            };
        }
    }

    private FakeUpstream() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    Recorded recorded = record(request);
                    received.add(recorded);
                    Function<Recorded, Reply> next = queued.poll();
                    Reply reply = (next != null ? next : fallback).apply(recorded);
                    try (OutputStream out = Content.Sink.asOutputStream(response)) {
                        reply.write(response, out, released);
                    } catch (IOException e) {
                        replyFailures.add(e);
                        throw e;
                    }
                    callback.succeeded();
                } catch (Throwable failure) {
                    callback.failed(failure);
                }
                return true;
            }
        });
        server.start();
    }

    public static FakeUpstream start() throws Exception {
        return new FakeUpstream();
    }

    private static Recorded record(Request request) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        String body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Recorded(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(), Map.copyOf(headers), body);
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Answers the next request with {@code reply}. */
    public FakeUpstream enqueue(Reply reply) {
        queued.add(request -> reply);
        return this;
    }

    /** Answers requests with no queued reply. */
    public FakeUpstream otherwise(Function<Recorded, Reply> handler) {
        this.fallback = handler;
        return this;
    }

    public List<Recorded> received() {
        return new ArrayList<>(received);
    }

    /** Replies that could not be written completely (e.g. the gateway hung up on a stream). */
    public List<Throwable> replyFailures() {
        return new ArrayList<>(replyFailures);
    }

    public Recorded lastRequest() {
        if (received.isEmpty()) {
            throw new AssertionError("the upstream received no request");
        }
        return received.get(received.size() - 1);
    }

    @Override
    public void close() throws Exception {
        released.countDown();
        server.stop();
    }
}
