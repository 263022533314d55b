package io.policygateway.plugins.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderFactory;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnthropicProviderFactoryTest {

    @Test
    void isDisabledWithAReasonWhenNoKeyIsSet() {
        ProviderFactory.ProviderSetup setup = new AnthropicProviderFactory().setup("anthropic",
                new ProviderFactory.ProviderConfig(false, PluginConfig.empty("providers.anthropic")), new TestContext(Map.of()));
        assertFalse(setup.isEnabled());
        assertEquals("ANTHROPIC_API_KEY is not set", setup.reason());
    }

    @Test
    void isEnabledByTheKeyAndServesClaudeModelsInBothFormats() {
        Provider provider = Harness.provider(Map.of("ANTHROPIC_API_KEY", "k"), "{\"models\":[\"my-claude-alias\"]}");
        assertEquals("anthropic", provider.type());
        assertEquals(Set.of(WireFormat.ANTHROPIC_MESSAGES, WireFormat.OPENAI_CHAT), provider.formats());
        assertTrue(provider.servesModel("claude-3-5-haiku-20241022"));
        assertTrue(provider.servesModel("my-claude-alias"));
        assertFalse(provider.servesModel("gpt-4o"));
        assertEquals("my-claude-alias", provider.models().get(0), "configured models come first");
        assertTrue(provider.models().contains("claude-sonnet-4-5"), "the shipped catalogue is listed");
    }

    @Test
    void acceptsABaseUrlWithOrWithoutV1() {
        assertEquals("https://proxy.example.com/anthropic",
                AnthropicSettings.rootUri("https://proxy.example.com/anthropic/v1/", PluginConfig.empty("p")).toString());
        assertEquals("https://api.anthropic.com", AnthropicSettings.rootUri("https://api.anthropic.com", PluginConfig.empty("p")).toString());
    }

    @Test
    void refusesUnknownConfigKeysNamingThePath() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> Harness.provider(Map.of("ANTHROPIC_API_KEY", "k"), "{\"api_key\":\"oops\"}"));
        assertEquals("providers.anthropic.api_key", error.path());
    }

    @Test
    void isListedAsAPf4jExtension() throws Exception {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(AnthropicProviderFactory.class.getName()), listed.toString());
    }
}
