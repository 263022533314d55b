package io.policygateway.plugins.maxtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
    private final TokenCounter counter = new TokenCounter();

    private static List<TokenCounter.Message> user(String text) {
        return List.of(new TokenCounter.Message("user", List.of(text)));
    }

    @Test
    void picksTheEncodingByModelFamily() {
        assertEquals(TokenCounter.Method.O200K_BASE, TokenCounter.methodFor("gpt-4o-mini"));
        assertEquals(TokenCounter.Method.O200K_BASE, TokenCounter.methodFor("gpt-4.1-nano"));
        assertEquals(TokenCounter.Method.O200K_BASE, TokenCounter.methodFor("o3-mini"));
        assertEquals(TokenCounter.Method.O200K_BASE, TokenCounter.methodFor("openai/o1"));
        assertEquals(TokenCounter.Method.CL100K_BASE, TokenCounter.methodFor("gpt-4-turbo"));
        assertEquals(TokenCounter.Method.CL100K_BASE, TokenCounter.methodFor("gpt-3.5-turbo"));
        assertEquals(TokenCounter.Method.APPROXIMATE, TokenCounter.methodFor("claude-3-5-sonnet-latest"));
        assertEquals(TokenCounter.Method.APPROXIMATE, TokenCounter.methodFor("gemini-1.5-flash"));
        assertEquals(TokenCounter.Method.APPROXIMATE, TokenCounter.methodFor("omni-moderation-latest"));
    }

    @Test
    void countsWithOpenAisMessageFraming() {
        // OpenAI's cookbook: "tiktoken is great!" is 6 cl100k_base tokens; the role "user" is 1;
        // each message adds 3 and the reply priming 3.
        assertEquals(6 + 1 + 3 + 3, counter.count(user("tiktoken is great!"), TokenCounter.Method.CL100K_BASE));
    }

    @Test
    void countsTheSameShortTextAlikeInBothEncodings() {
        assertEquals(counter.count(user("hello world"), TokenCounter.Method.CL100K_BASE),
                counter.count(user("hello world"), TokenCounter.Method.O200K_BASE));
    }

    @Test
    void approximatesOtherModelsAsCharactersOverFourRoundedUp() {
        assertEquals((10 + 3) / 4 + 1 + 3 + 3, counter.count(user("abcdefghij"), TokenCounter.Method.APPROXIMATE));
    }

    @Test
    void neverCountsMoreThanTheByteBound() {
        String text = "Grüße aus München — 東京 🚀 " + "token ".repeat(50);
        for (TokenCounter.Method method : TokenCounter.Method.values()) {
            assertTrue(counter.count(user(text), method) <= TokenCounter.upperBound(user(text), method), method.label());
        }
    }
}
