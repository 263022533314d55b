package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsAboutFourCharactersPerTokenOfMessageTextOnly() throws Exception {
        JsonNode body = JSON.readTree("""
                {"model":"gpt-4o","messages":[
                  {"role":"system","content":"12345678"},
                  {"role":"user","content":[{"type":"text","text":"1234"},{"type":"image_url","image_url":{"url":"https://x"}}]}]}""");
        assertEquals(3, TokenEstimate.input(body));
    }

    @Test
    void outputIsTheCallersLimitOrTheDefault() throws Exception {
        assertEquals(100, TokenEstimate.output(JSON.readTree("{\"max_tokens\":100}")));
        assertEquals(64, TokenEstimate.output(JSON.readTree("{\"max_completion_tokens\":64,\"max_tokens\":100}")));
        assertEquals(TokenEstimate.DEFAULT_OUTPUT_TOKENS, TokenEstimate.output(JSON.readTree("{}")));
    }
}
