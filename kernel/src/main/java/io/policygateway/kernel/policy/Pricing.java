package io.policygateway.kernel.policy;

import io.policygateway.api.Usage;
import java.util.OptionalDouble;

/** Prices usage in USD from the model price catalogue. Empty when the model has no price. */
public interface Pricing {
    OptionalDouble costUsd(String provider, String model, Usage usage);

    /** No prices at all: every model counts as unpriced. */
    Pricing NONE = (provider, model, usage) -> OptionalDouble.empty();
}
