package io.policygateway.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ConfigException;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.api.http.UpstreamRequest;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.kernel.auth.JwtVerifier;
import io.policygateway.kernel.config.ConfigLoader;
import io.policygateway.kernel.config.GatewayConfig;
import io.policygateway.kernel.config.JwtConfig;
import io.policygateway.kernel.log.SecretMasker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets up JWT verification from {@code jwt:}: the secret, the JWKS file, or the JWKS URL (refreshed in the background). */
final class Jwt {
    private static final Logger log = LoggerFactory.getLogger(Jwt.class);

    private Jwt() {
    }

    static Optional<JwtVerifier> verifier(GatewayConfig config, ObjectMapper json, Clock clock, UpstreamClient http) {
        if (config.jwt() == null || config.jwt().isNull()) {
            return Optional.empty();
        }
        JwtConfig jwt = ConfigLoader.bind(config.jwt(), JwtConfig.class, config.source(), "jwt");
        SecretMasker.register(jwt.hs256Secret());
        JwtVerifier verifier = new JwtVerifier(jwt, json, clock);
        try {
            if (jwt.jwksFile() != null) {
                verifier.loadJwks(json.readTree(Files.readString(Path.of(jwt.jwksFile()))));
            }
        } catch (Exception e) {
            throw new ConfigException(config.source(), "jwt.jwks_file", "cannot be read as a JWKS: " + e.getMessage());
        }
        if (jwt.jwksUrl() != null) {
            Runnable refresh = () -> {
                try (UpstreamResponse response = http.send(UpstreamRequest.get(URI.create(jwt.jwksUrl()), Map.of("accept", "application/json")))) {
                    verifier.loadJwks(json.readTree(response.readAll()));
                } catch (Exception e) {
                    log.warn("Fetching the JWKS from {} failed: {}", jwt.jwksUrl(), e.getMessage());
                }
            };
            refresh.run();
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("jwks-refresh").factory());
            scheduler.scheduleWithFixedDelay(refresh, jwt.jwksRefresh().toSeconds(), jwt.jwksRefresh().toSeconds(), TimeUnit.SECONDS);
        }
        return Optional.of(verifier);
    }
}
