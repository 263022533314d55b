package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * AWS credentials from the standard variables. {@link #toString()} never shows the secret or token.
 *
 * @param accessKeyId {@code AWS_ACCESS_KEY_ID}
 * @param secretAccessKey {@code AWS_SECRET_ACCESS_KEY}
 * @param sessionToken {@code AWS_SESSION_TOKEN}, for temporary credentials
 */
record AwsCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    AwsCredentials {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(sessionToken, "sessionToken is null");
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***" + (sessionToken.isPresent() ? ", sessionToken=***" : "") + "]";
    }
}
