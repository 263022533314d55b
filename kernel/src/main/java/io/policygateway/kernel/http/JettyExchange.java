package io.policygateway.kernel.http;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.kernel.pipeline.ClientExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** Adapts a Jetty request/response pair to {@link ClientExchange}. Runs on the request's virtual thread. */
final class JettyExchange implements ClientExchange {
    private final Request request;
    private final Response response;
    private Map<String, String> headers;

    JettyExchange(Request request, Response response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return request.getHttpURI().getPath();
    }

    @Override
    public String query() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public Map<String, String> headers() {
        if (headers == null) {
            Map<String, String> all = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                all.putIfAbsent(field.getLowerCaseName(), field.getValue());
            }
            headers = Map.copyOf(all);
        }
        return headers;
    }

    @Override
    public byte[] readBody(long limit) throws GatewayException {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new GatewayException(ErrorCategory.INVALID_REQUEST, "the request body could not be read: " + e.getMessage());
        }
    }

    private static GatewayException tooLarge(long limit) {
        return new GatewayException(ErrorCategory.PAYLOAD_TOO_LARGE,
                "request body is larger than the gateway's limit of " + limit + " bytes (server.max_body_size)");
    }

    @Override
    public void respond(int status, Map<String, String> extraHeaders, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        extraHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(true, ByteBuffer.wrap(body), blocker);
            blocker.block();
        }
    }

    @Override
    public StreamSink startStream(int status, Map<String, String> extraHeaders) {
        response.setStatus(status);
        extraHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        OutputStream out = Content.Sink.asOutputStream(response);
        return text -> {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    @Override
    public void onClientGone(Runnable action) {
        request.addFailureListener(failure -> action.run());
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
