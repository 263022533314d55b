package io.policygateway.plugins.promptshield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.plugins.promptshield.classifier.SignalFamily;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptShieldFactoryTest {
    private final PromptShieldFactory factory = new PromptShieldFactory();

    private static PluginConfig config(String json) {
        return new PluginConfig("conf/gateway.yaml", "plugins[0].config", Requests.config(json));
    }

    @Test
    void declaresItsNameHookAndPolicyTypes() {
        assertEquals("prompt-shield", factory.id());
        assertEquals(Set.of(Hook.BEFORE_REQUEST), factory.hooks());
        assertEquals(Set.of("prompt-injection", "jailbreak"), factory.policyTypes());
    }

    @Test
    void defaultsToBlockingAtHalfOnUserAndToolMessagesWithEveryFamily() {
        PromptShieldConfig settings = PromptShieldConfig.from(PluginConfig.empty("plugins[0].config"));
        assertEquals(0.5, settings.threshold());
        assertEquals(GuardrailAction.BLOCK, settings.action());
        assertEquals(Set.of("user", "tool", "function"), settings.roles());
        assertEquals(EnumSet.allOf(SignalFamily.class), settings.families());
    }

    @Test
    void acceptsTheCategoriesAndActionOfAPolicyRule() {
        PromptShieldConfig settings = PromptShieldConfig.from(config(
                "{\"categories\": [\"jailbreak\", \"system_prompt_extraction\"], \"action\": \"warn\"}"));
        assertEquals(GuardrailAction.WARN, settings.action());
        assertEquals(EnumSet.of(SignalFamily.ROLEPLAY_JAILBREAK, SignalFamily.SYSTEM_PROMPT_EXTRACTION), settings.families());
    }

    @Test
    void refusesUnknownKeysNamingTheFileAndPath() {
        ConfigException error = assertThrows(ConfigException.class, () -> factory.create(config("{\"treshold\": 0.4}"),
                new TestPluginContext(Map.of())));
        assertEquals("plugins[0].config.treshold", error.path());
        assertTrue(error.getMessage().startsWith("conf/gateway.yaml: "), error.getMessage());
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        ConfigException error = assertThrows(ConfigException.class, () -> PromptShieldConfig.from(config("{\"threshold\": 1.5}")));
        assertEquals("plugins[0].config.threshold", error.path());
    }

    @Test
    void refusesRedactionWhichItCannotDo() {
        ConfigException error = assertThrows(ConfigException.class, () -> PromptShieldConfig.from(config("{\"action\": \"redact\"}")));
        assertTrue(error.reason().contains("cannot redact"), error.reason());
    }

    @Test
    void refusesAnUnknownCategory() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> PromptShieldConfig.from(config("{\"categories\": [\"pii\"]}")));
        assertEquals("plugins[0].config.categories[0]", error.path());
    }

    @Test
    void refusesAnUnknownRole() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> PromptShieldConfig.from(config("{\"roles\": [\"user\", \"robot\"]}")));
        assertEquals("plugins[0].config.roles[1]", error.path());
    }

    @Test
    void isListedAsAPf4jExtension() throws IOException {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(PromptShieldFactory.class.getName()), listed.toString());
    }
}
