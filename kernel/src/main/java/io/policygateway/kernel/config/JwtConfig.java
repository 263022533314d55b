package io.policygateway.kernel.config;

import java.time.Duration;

/**
 * {@code jwt:} — accepting JWT bearer tokens (then {@code X-Policy-Project} is required).
 *
 * @param hs256Secret the shared secret for HS256 tokens
 * @param jwksFile a JWKS file with RSA (RS256) or EC P-256 (ES256) public keys
 * @param jwksUrl a JWKS URL, fetched at start and every {@code jwks_refresh}
 * @param jwksRefresh how often to refetch the JWKS URL, default 10m
 * @param issuer the required {@code iss}, if set
 * @param audience the required {@code aud} (one of), if set
 * @param clockSkew tolerance for {@code exp} and {@code nbf}, default 60s
 * @param rolesClaim the claim holding the caller's roles (list or space-separated), default {@code roles}
 */
public record JwtConfig(String hs256Secret, String jwksFile, String jwksUrl, Duration jwksRefresh, String issuer, String audience,
        Duration clockSkew, String rolesClaim) {
    public JwtConfig {
        jwksRefresh = jwksRefresh == null ? Duration.ofMinutes(10) : jwksRefresh;
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        if (hs256Secret == null && jwksFile == null && jwksUrl == null) {
            throw new IllegalArgumentException("set hs256_secret, jwks_file or jwks_url");
        }
        if (hs256Secret != null && hs256Secret.length() < 32) {
            throw new IllegalArgumentException("hs256_secret must be at least 32 characters");
        }
    }
}
