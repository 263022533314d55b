package io.policygateway.kernel.http;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.api.http.UpstreamRequest;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.kernel.config.UpstreamConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The gateway→provider leg over Jetty's HTTP client: pooled connections per destination, a
 * connect timeout, a first-byte timeout (waiting for headers) and an idle timeout (a stalled body).
 */
public final class JettyUpstreamClient implements UpstreamClient, AutoCloseable {
    private final HttpClient client;

    public JettyUpstreamClient(UpstreamConfig config, String version) throws Exception {
        client = new HttpClient();
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("upstream");
        client.setExecutor(threads);
        client.setConnectTimeout(config.connect().toMillis());
        client.setMaxConnectionsPerDestination(config.maxConnectionsPerDestination());
        client.setMaxRequestsQueuedPerDestination(4096);
        client.setFollowRedirects(false);
        client.setIdleTimeout(config.idle().toMillis() * 2);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "policy-gateway/" + version));
        client.start();
    }

    @Override
    public UpstreamResponse send(UpstreamRequest upstreamRequest) throws GatewayException {
        Request request = client.newRequest(upstreamRequest.uri())
                .method(upstreamRequest.method())
                .idleTimeout(upstreamRequest.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> upstreamRequest.headers().forEach(headers::put));
        if (upstreamRequest.body().length > 0) {
            String type = upstreamRequest.headers().getOrDefault("content-type", "application/json");
            request.body(new BytesRequestContent(type, upstreamRequest.body()));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        String host = upstreamRequest.uri().getHost() + (upstreamRequest.uri().getPort() > 0 ? ":" + upstreamRequest.uri().getPort() : "");
        try {
            Response response = listener.get(upstreamRequest.firstByteTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new JettyUpstreamResponse(response, listener.getInputStream());
        } catch (TimeoutException e) {
            request.abort(e);
            throw new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT,
                    "upstream " + host + " did not answer within " + upstreamRequest.firstByteTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCategory.UPSTREAM, "upstream call to " + host + " was interrupted");
        } catch (ExecutionException e) {
            throw failure(host, e.getCause());
        }
    }

    private static GatewayException failure(String host, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT, "upstream " + host + " timed out: " + cause.getMessage());
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return new GatewayException(ErrorCategory.UPSTREAM, "upstream " + host + " is unreachable: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
        return new GatewayException(ErrorCategory.UPSTREAM, "upstream " + host + " failed: "
                + (cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage()));
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    private static final class JettyUpstreamResponse implements UpstreamResponse {
        private final Response response;
        private final InputStream body;

        JettyUpstreamResponse(Response response, InputStream body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public int status() {
            return response.getStatus();
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(response.getHeaders().get(name));
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public byte[] readAll() throws GatewayException {
            try {
                return body.readAllBytes();
            } catch (IOException e) {
                throw new GatewayException(ErrorCategory.UPSTREAM, "upstream response body could not be read: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection is being discarded anyway
            }
        }
    }
}
