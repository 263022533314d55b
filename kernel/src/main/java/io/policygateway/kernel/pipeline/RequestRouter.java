package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.kernel.auth.Authenticator;
import io.policygateway.kernel.metrics.GatewayMetrics;
import io.policygateway.kernel.policy.Pricing;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps (method, path) to an {@link Endpoint}, authenticates, runs it, and turns every failure into
 * an error in the endpoint's wire format. Writes the access log line and the request metrics for
 * every request. Never lets an exception or a stack trace reach the client.
 */
public final class RequestRouter {
    private static final Logger log = LoggerFactory.getLogger(RequestRouter.class);

    private final Map<String, Map<String, Endpoint>> routes;
    private final Authenticator authenticator;
    private final ErrorResponses errors;
    private final AccessLog accessLog;
    private final RequestMetrics metrics;

    private RequestRouter(Map<String, Map<String, Endpoint>> routes, Authenticator authenticator, ErrorResponses errors,
            AccessLog accessLog, RequestMetrics metrics) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.errors = errors;
        this.accessLog = accessLog;
        this.metrics = metrics;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects routes before the server starts. */
    public static final class Builder {
        private final Map<String, Map<String, Endpoint>> routes = new TreeMap<>();

        public Builder add(String method, String path, Endpoint endpoint) {
            routes.computeIfAbsent(path, any -> new LinkedHashMap<>()).put(method, requireNonNull(endpoint, "endpoint is null"));
            return this;
        }

        /** @param pricing prices tokens for {@code policy_gateway_cost_usd_total} (the routing price catalogue) */
        public RequestRouter build(Authenticator authenticator, ErrorResponses errors, AccessLog accessLog, GatewayMetrics metrics,
                Pricing pricing) {
            Map<String, Map<String, Endpoint>> frozen = new LinkedHashMap<>();
            routes.forEach((path, byMethod) -> frozen.put(path, Map.copyOf(byMethod)));
            return new RequestRouter(Map.copyOf(frozen), authenticator, errors, accessLog, new RequestMetrics(metrics, pricing));
        }
    }

    public void route(ClientExchange exchange) {
        AccessRecord record = new AccessRecord();
        TraceContext trace = TraceContext.from(exchange.header("traceparent"), exchange.header("x-request-id"));
        String path = normalise(exchange.path());
        record.traceId = trace.traceId();
        record.method = exchange.method();
        record.route = path;
        Map<String, Endpoint> byMethod = routes.get(path);
        Endpoint endpoint = byMethod == null ? null : byMethod.get(exchange.method());
        String surface = path.startsWith("/policy") ? "policy" : path.startsWith("/v1") ? "v1" : "gateway";
        record.surface = surface;
        String routeLabel = byMethod == null ? "unknown" : path;
        RequestCall call = new RequestCall(exchange, trace, record, surface, subRoute(path));
        metrics.started(routeLabel);
        try {
            if (endpoint == null) {
                throw byMethod == null ? notFound(exchange.method(), path) : methodNotAllowed(exchange.method(), path, byMethod);
            }
            if (endpoint.authenticated()) {
                call.identity(authenticator.authenticate(exchange.header("authorization"),
                        endpoint.acceptsApiKeyHeader() ? exchange.header("x-api-key") : java.util.Optional.empty()));
                record.keyName = call.identity().keyName();
            }
            endpoint.handle(call);
        } catch (GatewayException e) {
            metrics.refused(e);
            sendError(call, e, endpoint == null ? formatFor(path) : endpoint.errorFormat());
        } catch (IOException e) {
            record.status = record.status == 0 ? 499 : record.status;
            record.error = "client connection failed: " + e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            log.error("Internal error on {} {} (trace_id={})", exchange.method(), path, trace.traceId(), e);
            sendError(call, new GatewayException(ErrorCategory.INTERNAL, "The gateway failed to handle this request (trace_id "
                    + trace.traceId() + "). The error is logged."), endpoint == null ? WireFormat.OPENAI_CHAT : endpoint.errorFormat());
        } finally {
            finish(record, routeLabel);
        }
    }

    private void finish(AccessRecord record, String routeLabel) {
        metrics.finished(record, routeLabel);
        if (!routeLabel.equals("/metrics") && !routeLabel.startsWith("/health")) {
            accessLog.write(record);
        }
    }

    private void sendError(RequestCall call, GatewayException error, WireFormat format) {
        AccessRecord record = call.record();
        record.status = error.status();
        record.error = error.getMessage();
        Map<String, String> headers = new LinkedHashMap<>(errors.headers(error));
        headers.put("x-request-id", call.trace().requestId());
        headers.put("traceparent", call.trace().traceparent());
        com.fasterxml.jackson.databind.node.ObjectNode body = errors.body(error, format);
        call.decorateError(body);
        try {
            call.exchange().respond(error.status(), headers, "application/json", body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was already committed; the access log records the error
            record.error = error.getMessage() + " (not delivered: " + e.getMessage() + ")";
        }
    }

    private static GatewayException notFound(String method, String path) {
        return new GatewayException(ErrorCategory.NOT_FOUND, "Unknown path " + method + " " + path
                + ". The base URL must end with /v1 (OpenAI- and Anthropic-compatible endpoints, e.g. http://localhost:5000/v1) or /policy"
                + " (policy surface, e.g. http://localhost:5000/policy), and you call /chat/completions on it.");
    }

    private static GatewayException methodNotAllowed(String method, String path, Map<String, Endpoint> byMethod) {
        return new GatewayException(ErrorCategory.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on " + path
                + "; use " + String.join(" or ", new java.util.TreeSet<>(byMethod.keySet())) + ".");
    }

    private static WireFormat formatFor(String path) {
        return path.endsWith("/messages") ? WireFormat.ANTHROPIC_MESSAGES : WireFormat.OPENAI_CHAT;
    }

    private static String normalise(String path) {
        if (path.length() > 1 && path.endsWith("/")) {
            return path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String subRoute(String path) {
        if (path.startsWith("/policy/v1/")) {
            return path.substring("/policy/v1".length());
        }
        if (path.startsWith("/policy/")) {
            return path.substring("/policy".length());
        }
        if (path.startsWith("/v1/")) {
            return path.substring("/v1".length());
        }
        return path;
    }
}
