package io.policygateway.plugins.openaicompatible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderFactory;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleSetupTest {

    @Test
    void staysDisabledUntilConfigured() {
        ProviderFactory.ProviderSetup setup = new OpenAiCompatibleProviderFactory().setup("openai-compatible",
                new ProviderFactory.ProviderConfig(false, PluginConfig.empty("providers.openai-compatible")), new TestContext(Map.of()));
        assertFalse(setup.isEnabled());
        assertTrue(setup.reason().contains("base_url"), setup.reason());
    }

    @Test
    void staysDisabledWhenTheNamedKeyVariableIsNotSet() {
        ProviderFactory.ProviderSetup setup = Harness.setup("groq",
                "{\"base_url\":\"https://api.groq.com/openai/v1\",\"api_key_env\":\"GROQ_API_KEY\"}", Map.of());
        assertFalse(setup.isEnabled());
        assertEquals("GROQ_API_KEY (named by api_key_env) is not set", setup.reason());
    }

    @Test
    void servesListedModelsByNameAndEverythingOnlyWhenAskedTo() {
        OpenAiCompatibleProvider listed = Harness.provider("together",
                "{\"base_url\":\"https://api.together.xyz/v1\",\"models\":[\"meta-llama/Llama-3.3-70B-Instruct-Turbo\"]}", Map.of());
        assertTrue(listed.servesModel("meta-llama/Llama-3.3-70B-Instruct-Turbo"));
        assertFalse(listed.servesModel("gpt-4o"));
        assertEquals(List.of("meta-llama/Llama-3.3-70B-Instruct-Turbo"), listed.models());
        OpenAiCompatibleProvider unlisted = Harness.provider("ollama", "{\"base_url\":\"http://localhost:11434/v1\"}", Map.of());
        assertFalse(unlisted.servesModel("claude-sonnet-4-5"), "a host without a model list does not claim other providers' models");
        assertEquals(Set.of(WireFormat.OPENAI_CHAT, WireFormat.OPENAI_EMBEDDINGS), unlisted.formats());
        OpenAiCompatibleProvider catchAll = Harness.provider("ollama", "{\"base_url\":\"http://localhost:11434/v1\",\"any_model\":true}", Map.of());
        assertTrue(catchAll.servesModel("anything-pulled-locally"));
    }

    @Test
    void refusesBadConfigNamingThePath() {
        ConfigException noUrl = assertThrows(ConfigException.class, () -> Harness.setup("ollama", "{}", Map.of()));
        assertEquals("providers.ollama.base_url", noUrl.path());
        ConfigException badFormat = assertThrows(ConfigException.class,
                () -> Harness.setup("ollama", "{\"base_url\":\"http://h/v1\",\"formats\":[\"chat\",\"audio\"]}", Map.of()));
        assertEquals("providers.ollama.formats[1]", badFormat.path());
        ConfigException keyInHeaders = assertThrows(ConfigException.class,
                () -> Harness.setup("openrouter", "{\"base_url\":\"https://openrouter.ai/api/v1\",\"headers\":{\"Authorization\":\"Bearer x\"}}", Map.of()));
        assertEquals("providers.openrouter.headers.Authorization", keyInHeaders.path());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> Harness.setup("ollama", "{\"base_url\":\"http://h/v1\",\"api_key\":\"x\"}", Map.of()));
        assertEquals("providers.ollama.api_key", unknown.path());
    }

    @Test
    void sendsConfiguredExtraHeaders() throws Exception {
        try (FakeUpstream openrouter = FakeUpstream.start().answerJson(200, Harness.fixture("ollama-chat-completion.json"), Map.of())) {
            OpenAiCompatibleProvider provider = Harness.provider("openrouter", "{\"base_url\":\"" + openrouter.baseUri()
                    + "/api/v1\",\"api_key_env\":\"OPENROUTER_API_KEY\",\"headers\":{\"HTTP-Referer\":\"https://example.com\",\"X-Title\":\"Support bot\"}}",
                    Map.of("OPENROUTER_API_KEY", "sk-or-v1-test"));
            provider.send(Harness.request(WireFormat.OPENAI_CHAT, "anthropic/claude-3.5-sonnet",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", false));
            FakeUpstream.Recorded sent = openrouter.lastRequest();
            assertEquals("/api/v1/chat/completions", sent.path());
            assertEquals("https://example.com", sent.headers().get("http-referer"));
            assertEquals("Support bot", sent.headers().get("x-title"));
            assertEquals("Bearer sk-or-v1-test", sent.headers().get("authorization"));
        }
    }

    @Test
    void isListedAsAPf4jExtension() throws Exception {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(OpenAiCompatibleProviderFactory.class.getName()), listed.toString());
    }
}
