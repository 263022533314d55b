package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.io.IOException;
import java.util.Map;

/** {@code GET /v1/models}: the models the enabled providers serve, plus aliases, in OpenAI's list shape. */
public final class ModelsEndpoint implements Endpoint {
    private final ObjectMapper json;
    private final ProviderRegistry registry;
    private final long created;

    public ModelsEndpoint(ObjectMapper json, ProviderRegistry registry, long created) {
        this.json = json;
        this.registry = registry;
        this.created = created;
    }

    @Override
    public WireFormat errorFormat() {
        return WireFormat.OPENAI_CHAT;
    }

    @Override
    public void handle(RequestCall call) throws IOException {
        ObjectNode list = json.createObjectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Provider provider : registry.providers().values()) {
            for (String model : provider.models()) {
                if (seen.add(model)) {
                    data.addObject().put("id", model).put("object", "model").put("created", created).put("owned_by", provider.name());
                }
            }
        }
        for (Map.Entry<String, String> alias : registry.aliases().entrySet()) {
            if (seen.add(alias.getKey())) {
                data.addObject().put("id", alias.getKey()).put("object", "model").put("created", created)
                        .put("owned_by", "alias").put("alias_of", alias.getValue());
            }
        }
        call.record().status = 200;
        call.exchange().respond(200, Map.of("x-request-id", call.trace().requestId()), "application/json", json.writeValueAsBytes(list));
    }
}
