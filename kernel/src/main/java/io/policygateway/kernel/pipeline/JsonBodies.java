package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing request bodies with errors a caller can act on. */
public final class JsonBodies {
    /** Fields only the gateway reads; they are removed before a request goes upstream (seed 002). */
    public static final Set<String> GATEWAY_FIELDS = Set.of("policy", "policy_id", "policyId", "policy_project_id",
            "policy_target", "policy_user", "policy_user_id");
    /** Jackson quotes the offending word of the body (often prompt text); the message must not carry it to the logs. */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("Unrecognized token '[^']*'");

    private JsonBodies() {
    }

    public static ObjectNode parseObject(ObjectMapper json, byte[] body) throws GatewayException {
        if (body.length == 0) {
            throw GatewayException.invalid(null, "The request body is empty; send a JSON object.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String reason = QUOTED_TOKEN.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("Unrecognized token");
            throw GatewayException.invalid(null, "The request body is not valid JSON" + where + ": " + reason);
        } catch (IOException e) {
            throw GatewayException.invalid(null, "The request body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw GatewayException.invalid(null, "The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** The required, non-empty string field {@code name}. */
    public static String requireString(ObjectNode body, String name) throws GatewayException {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw GatewayException.invalid(name, "'" + name + "' is required.");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw GatewayException.invalid(name, "'" + name + "' must be a non-empty string.");
        }
        return value.asText();
    }

    /** Removes the gateway-only fields; returns a copy. */
    public static ObjectNode withoutGatewayFields(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(GATEWAY_FIELDS);
        return copy;
    }
}
