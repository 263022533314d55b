package io.policygateway.plugins.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policygateway.api.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitConfigTest {

    @Test
    void defaultsToOneBucketPerKeyWithABurstOfOneMinutesRequests() {
        RateLimitSettings settings = RateLimitSettings.from(Chats.config("{\"requests_per_minute\": 60}"));

        assertEquals(List.of(KeyPart.KEY), settings.keyBy());
        assertEquals(60, settings.requestsPerMinute());
        assertEquals(0, settings.tokensPerMinute());
        assertEquals(60, settings.burst());
        assertEquals(100_000, settings.maxKeys());
        assertEquals(LimitAction.BLOCK, settings.action());
    }

    @Test
    void readsEveryKeyAndAcceptsThePolicyRuleKeys() {
        RateLimitSettings settings = RateLimitSettings.from(Chats.config("""
                {"key_by": ["project", "user", "model"], "requests_per_minute": 10, "tokens_per_minute": 5000, "burst": 3,
                 "max_keys": 50, "categories": [], "action": "warn"}"""));

        assertEquals(List.of(KeyPart.PROJECT, KeyPart.USER, KeyPart.MODEL), settings.keyBy());
        assertEquals(5000, settings.tokensPerMinute());
        assertEquals(3, settings.burst());
        assertEquals(50, settings.maxKeys());
        assertEquals(LimitAction.WARN, settings.action());
    }

    @Test
    void acceptsASingleDimensionAndAnEmptyListForOneSharedBucket() {
        assertEquals(List.of(KeyPart.USER), RateLimitSettings.from(Chats.config("{\"key_by\": \"user\", \"tokens_per_minute\": 1}")).keyBy());
        assertEquals(List.of(), RateLimitSettings.from(Chats.config("{\"key_by\": [], \"tokens_per_minute\": 1}")).keyBy());
    }

    @Test
    void refusesAnUnknownKeyNamingItsPath() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"requests_per_minutes\": 10}")));
        assertEquals("gateway.yaml: plugins[0].config.requests_per_minutes: unknown key (known keys: action, burst, categories, "
                + "key_by, max_keys, requests_per_minute, tokens_per_minute)", error.getMessage());
    }

    @Test
    void refusesAConfigWithoutAnyLimit() {
        ConfigException error = assertThrows(ConfigException.class, () -> RateLimitSettings.from(Chats.config("{}")));
        assertEquals("plugins[0].config.requests_per_minute", error.path());
    }

    @Test
    void refusesAnUnknownOrRepeatedDimension() {
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"key_by\": [\"project\", \"team\"], \"requests_per_minute\": 1}")));
        assertEquals("plugins[0].config.key_by[1]", unknown.path());
        ConfigException twice = assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"key_by\": [\"user\", \"user\"], \"requests_per_minute\": 1}")));
        assertEquals("plugins[0].config.key_by[1]", twice.path());
    }

    @Test
    void refusesNegativeLimitsABurstBelowOneAndAnUnknownAction() {
        assertEquals("plugins[0].config.tokens_per_minute", assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"requests_per_minute\": 1, \"tokens_per_minute\": -1}"))).path());
        assertEquals("plugins[0].config.burst", assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"requests_per_minute\": 1, \"burst\": 0}"))).path());
        assertEquals("plugins[0].config.burst", assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"tokens_per_minute\": 1, \"burst\": 5}"))).path());
        assertEquals("plugins[0].config.action", assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"requests_per_minute\": 1, \"action\": \"redact\"}"))).path());
        assertEquals("plugins[0].config.requests_per_minute", assertThrows(ConfigException.class,
                () -> RateLimitSettings.from(Chats.config("{\"requests_per_minute\": \"lots\"}"))).path());
    }
}
