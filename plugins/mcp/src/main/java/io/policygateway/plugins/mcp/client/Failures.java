package io.policygateway.plugins.mcp.client;

import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Short, secret-free descriptions of why talking to a server failed, for {@code /health}, logs and
 * the error results the model reads. Reactor and the SDK wrap causes several levels deep; these
 * helpers look through the whole chain.
 */
final class Failures {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_LENGTH = 200;

    private Failures() {
    }

    static boolean isTimeout(Throwable failure) {
        return find(failure, TimeoutException.class).isPresent() || find(failure, HttpTimeoutException.class).isPresent();
    }

    static Optional<McpError> jsonRpcError(Throwable failure) {
        return find(failure, McpError.class).filter(error -> error.getJsonRpcError() != null);
    }

    /** One line of at most 200 characters. */
    static String describe(Throwable failure) {
        String reason = reason(failure).replace('\n', ' ').replace('\r', ' ').strip();
        return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String reason(Throwable failure) {
        if (find(failure, HttpConnectTimeoutException.class).isPresent()) {
            return "connection timed out";
        }
        if (isTimeout(failure)) {
            return "no answer in time";
        }
        if (find(failure, ConnectException.class).isPresent()) {
            return "connection refused";
        }
        Optional<UnknownHostException> unknownHost = find(failure, UnknownHostException.class);
        if (unknownHost.isPresent()) {
            return "unknown host " + unknownHost.get().getMessage();
        }
        Optional<McpHttpClientTransportAuthorizationException> refused =
                find(failure, McpHttpClientTransportAuthorizationException.class);
        if (refused.isPresent()) {
            return "HTTP " + refused.get().getResponseInfo().statusCode() + ": the server refused the configured credentials";
        }
        Optional<McpError> rpc = jsonRpcError(failure);
        if (rpc.isPresent()) {
            return rpc.get().getJsonRpcError().message() + " (JSON-RPC error " + rpc.get().getJsonRpcError().code() + ")";
        }
        Throwable root = failure;
        for (int depth = 0; depth < MAX_DEPTH && root.getCause() != null; depth++) {
            if (root.getMessage() != null && root.getMessage().startsWith("cannot start")) {
                return root.getMessage();
            }
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            current = current.getCause();
        }
        return Optional.empty();
    }
}
