package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.Usage;
import java.util.Optional;

/** What a request in a translated format was served with, for settling usage and audit. Confined to the request's thread. */
final class ServedAnswer {
    String provider = "";
    String model = "";
    Usage usage = Usage.NONE;
    Optional<ObjectNode> response = Optional.empty();
    String streamedText = "";
}
