package io.policygateway.kernel.policy;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;

/**
 * An after-request guardrail blocked the answer but asked for one more try (schema-guard's
 * {@code on_failure: retry}): the pipeline may re-ask the model once with {@link #retryMessage()}
 * appended; if it does not, or the second answer is blocked too, this is an ordinary block.
 */
public final class RetryRequestedException extends GatewayException {
    private static final long serialVersionUID = 1L;

    private final String retryMessage;

    RetryRequestedException(String reasonCode, String message, String retryMessage) {
        super(ErrorCategory.POLICY_VIOLATION, message, reasonCode, null, 0, null, null);
        this.retryMessage = retryMessage;
    }

    /** The text to send the model as the next user turn. */
    public String retryMessage() {
        return retryMessage;
    }
}
