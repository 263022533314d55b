package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.kernel.auth.Authenticator;
import io.policygateway.kernel.store.EventStore;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /admin/events?project=&user=&target=&decision=&type=&since=&until=&limit=}: policy
 * events, newest first. Needs an admin key ({@code auth.admin_keys}) as a Bearer token.
 */
public final class EventsEndpoint implements Endpoint {
    private final ObjectMapper json;
    private final EventStore store;
    private final Authenticator authenticator;

    public EventsEndpoint(ObjectMapper json, EventStore store, Authenticator authenticator) {
        this.json = json;
        this.store = store;
        this.authenticator = authenticator;
    }

    @Override
    public WireFormat errorFormat() {
        return WireFormat.OPENAI_CHAT;
    }

    @Override
    public boolean authenticated() {
        return false;
    }

    @Override
    public void handle(RequestCall call) throws GatewayException, IOException {
        call.record().keyName = authenticator.authenticateAdmin(call.exchange().header("authorization"));
        Map<String, String> query = parse(call.exchange().query());
        EventStore.Query filters;
        try {
            filters = new EventStore.Query(opt(query, "project"), opt(query, "user"), opt(query, "target"), opt(query, "decision"),
                    opt(query, "type"), opt(query, "since").map(Instant::parse), opt(query, "until").map(Instant::parse),
                    Integer.parseInt(query.getOrDefault("limit", "100")));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw GatewayException.invalid(null, "since/until must be ISO-8601 instants (2026-01-13T10:12:42Z) and limit a number.");
        }
        ObjectNode body = json.createObjectNode();
        body.put("object", "list");
        try {
            body.set("data", store.query(filters));
        } catch (SQLException e) {
            throw new GatewayException(ErrorCategory.INTERNAL, "The event store could not be read.", e);
        }
        call.record().status = 200;
        call.exchange().respond(200, Map.of("cache-control", "no-store"), "application/json", json.writeValueAsBytes(body));
    }

    private static Optional<String> opt(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isBlank());
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
