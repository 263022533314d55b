package io.policygateway.plugins.jspolicy;

/** A hook returned something that is not a valid decision; the message says what, for the author. */
final class InvalidResultException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidResultException(String message) {
        super(message, null, false, false);
    }
}
