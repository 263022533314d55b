package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.kernel.auth.Authenticator;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /admin/reload}: re-reads the config file and puts its {@code plugins:},
 * {@code policies:} and {@code projects:} in force without a restart. Invalid config is refused
 * with a 400 naming the file, the rule and the path, and the running policies stay. Needs an
 * admin key.
 */
public final class ReloadEndpoint implements Endpoint {
    /** Re-reads, validates and swaps; returns a one-line summary. */
    @FunctionalInterface
    public interface Reloader {
        String reload() throws Exception;
    }

    private final ObjectMapper json;
    private final Authenticator authenticator;
    private final Reloader reloader;

    public ReloadEndpoint(ObjectMapper json, Authenticator authenticator, Reloader reloader) {
        this.json = requireNonNull(json, "json is null");
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.reloader = requireNonNull(reloader, "reloader is null");
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
        String summary;
        try {
            summary = reloader.reload();
        } catch (ConfigException e) {
            throw new GatewayException(ErrorCategory.INVALID_REQUEST, "Reload refused, the running policies stay: " + e.getMessage(),
                    "INVALID_CONFIG", e.path(), 0, null, null);
        } catch (Exception e) {
            throw new GatewayException(ErrorCategory.INTERNAL, "Reload failed, the running policies stay: " + e.getMessage(), e);
        }
        ObjectNode body = json.createObjectNode().put("status", "reloaded").put("summary", summary);
        call.record().status = 200;
        call.exchange().respond(200, Map.of("cache-control", "no-store"), "application/json", json.writeValueAsBytes(body));
    }
}
