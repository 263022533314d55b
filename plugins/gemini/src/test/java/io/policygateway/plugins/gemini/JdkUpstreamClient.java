package io.policygateway.plugins.gemini;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.api.http.UpstreamRequest;
import io.policygateway.api.http.UpstreamResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/** The gateway→provider leg for plugin tests, over the JDK's HTTP client (the kernel uses Jetty). */
final class JdkUpstreamClient implements UpstreamClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public UpstreamResponse send(UpstreamRequest request) throws GatewayException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.firstByteTimeout())
                .method(request.method(), request.body().length == 0 && request.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new JdkResponse(response);
        } catch (HttpTimeoutException e) {
            throw new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT, "upstream did not answer in time", e);
        } catch (IOException e) {
            throw new GatewayException(ErrorCategory.UPSTREAM, "upstream unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCategory.UPSTREAM, "interrupted", e);
        }
    }

    private record JdkResponse(HttpResponse<InputStream> response) implements UpstreamResponse {
        @Override
        public int status() {
            return response.statusCode();
        }

        @Override
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        @Override
        public InputStream body() {
            return response.body();
        }

        @Override
        public byte[] readAll() throws GatewayException {
            try {
                return response.body().readAllBytes();
            } catch (IOException e) {
                throw new GatewayException(ErrorCategory.UPSTREAM, "upstream body unreadable", e);
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // closing a finished body cannot fail in a way a test cares about
            }
        }
    }
}
