package io.policygateway.plugins.responsecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
    private static final String HELLO = "{\"model\":\"gpt-4o\",\"temperature\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    private static String key(String json) {
        return CacheKey.of(Chats.request(json));
    }

    @Test
    void ignoresFieldOrderAndHowNumbersAreWritten() {
        assertEquals(key(HELLO), key("{\"messages\":[{\"content\":\"Hello\",\"role\":\"user\"}],\"temperature\":0.50,\"model\":\"gpt-4o\"}"));
        assertEquals(key("{\"model\":\"m\",\"temperature\":1,\"messages\":[]}"), key("{\"model\":\"m\",\"temperature\":1.0,\"messages\":[]}"));
    }

    @Test
    void ignoresParametersThatOnlyChangeDeliveryOrBilling() {
        assertEquals(key(HELLO), key("{\"model\":\"gpt-4o\",\"temperature\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],"
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"user\":\"u-1\",\"metadata\":{\"a\":\"b\"},\"store\":false}"));
    }

    @Test
    void everyParameterThatCanChangeTheAnswerChangesTheKey() {
        String base = key(HELLO);
        for (String extra : new String[] {"\"top_p\":0.9", "\"max_tokens\":20", "\"seed\":7", "\"stop\":[\"\\n\"]",
                "\"response_format\":{\"type\":\"json_object\"}", "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]",
                "\"n\":2", "\"some_future_parameter\":true"}) {
            assertNotEquals(base, key(HELLO.replace("\"temperature\":0.5", "\"temperature\":0.5," + extra)), extra);
        }
        assertNotEquals(base, key(HELLO.replace("0.5", "0.7")));
        assertNotEquals(base, key(HELLO.replace("gpt-4o", "gpt-4o-mini")));
        assertNotEquals(base, key(HELLO.replace("Hello", "Hello!")));
        assertNotEquals(base, key(HELLO.replace("\"user\"", "\"system\"")));
    }

    @Test
    void separatesProjectsSurfacesAndPolicies() {
        String support = CacheKey.of(Chats.request("support", Map.of(), HELLO));
        assertNotEquals(support, CacheKey.of(Chats.request("billing", Map.of(), HELLO)));
        assertNotEquals(support, CacheKey.of(Chats.request(null, Map.of(), HELLO)));
        assertNotEquals(support, CacheKey.of(Chats.request("support", Optional.of("strict"), Map.of(), HELLO)));
    }

    @Test
    void textsThatOnlyDifferInWhereQuotesFallDoNotCollide() {
        assertNotEquals(key("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\\",\\\"b\"}]}"),
                key("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"x\":\"b\"}]}"));
    }
}
