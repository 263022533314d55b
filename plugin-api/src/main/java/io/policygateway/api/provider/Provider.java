package io.policygateway.api.provider;

import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import java.util.List;
import java.util.Set;

/**
 * One enabled upstream: endpoint and auth, request mapping, response and stream parsing.
 * Instances are shared by all requests and must be thread-safe; {@link #send} blocks the
 * calling (virtual) thread until the upstream's headers arrive.
 */
public interface Provider {

    /** The configured name, e.g. {@code openai} or {@code ollama}. */
    String name();

    /** The provider type (the factory's id). */
    String type();

    /**
     * The formats this provider accepts unchanged. Chat-capable providers must support
     * {@link WireFormat#OPENAI_CHAT}, the canonical format; the kernel translates the other chat
     * formats to it when they are not listed here. {@code OPENAI_EMBEDDINGS} and
     * {@code OPENAI_IMAGES} are listed only when the provider supports those operations.
     */
    Set<WireFormat> formats();

    /** The model ids this provider serves, for {@code GET /v1/models} and routing by name. */
    List<String> models();

    /**
     * Whether this provider will serve {@code model} when asked to. A provider with an open
     * catalogue (a self-hosted OpenAI-compatible server) may accept any name it is routed.
     */
    boolean servesModel(String model);

    /**
     * Makes one call. Errors the upstream returns are thrown as {@link GatewayException} with the
     * category matching their status, a message that includes the upstream status, and the
     * upstream's {@code Retry-After} when present.
     */
    ProviderResponse send(ProviderRequest request) throws GatewayException;
}
