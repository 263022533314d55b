package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.GatewayException;

/** A base64 {@code data:} URL split into its media type and payload. */
record DataUrl(String mediaType, String base64) {
    DataUrl {
        requireNonNull(mediaType, "mediaType is null");
        requireNonNull(base64, "base64 is null");
    }

    /** Parses {@code data:<media type>;base64,<payload>}; anything else is refused naming {@code field}. */
    static DataUrl parse(String url, String field) throws GatewayException {
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring("data:".length(), comma);
        if (!url.startsWith("data:") || comma < 0 || !header.endsWith(";base64")) {
            throw GatewayException.invalid(field, field + ": expected a base64 data URL (data:<type>;base64,...)");
        }
        String mediaType = header.substring(0, header.length() - ";base64".length());
        return new DataUrl(mediaType.isEmpty() ? "application/octet-stream" : mediaType, url.substring(comma + 1));
    }
}
