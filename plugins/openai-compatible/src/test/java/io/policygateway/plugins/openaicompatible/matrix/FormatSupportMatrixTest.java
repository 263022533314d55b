package io.policygateway.plugins.openaicompatible.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.TestGateway;
import io.policygateway.plugins.openaicompatible.matrix.ClientDialect.Answer;
import io.policygateway.plugins.openaicompatible.matrix.ClientDialect.RequestSpec;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mirrors the support table in the translate README: every cell (client format × provider × feature)
 * is run through a real gateway against a fake upstream speaking that provider's wire format. A ✓
 * cell must work end to end, a ✗ cell must be refused with a 400 naming the provider, and n/a cells
 * are skipped. Editing the table changes what this test checks.
 */
class FormatSupportMatrixTest {
    static final Path README = Path.of("..", "..", "kernel", "src", "main", "java", "io", "policygateway", "kernel", "translate", "README.md");
    private static final String QUESTION = "What is the weather in Paris?";
    private static final Map<String, FakeUpstream> FAKES = new LinkedHashMap<>();
    private static final Map<String, UpstreamDialect> DIALECTS = new LinkedHashMap<>();
    private static final Map<String, ClientDialect> CLIENTS = Map.of("/v1/chat/completions", new ChatClient(),
            "/v1/messages", new MessagesClient(), "/v1/responses", new ResponsesClient());
    private static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        for (UpstreamDialect dialect : List.of(new OpenAiDialect("openai-compatible", "llama3.1"), new OpenAiDialect("azure-openai", "gpt-4o"),
                new AnthropicDialect("claude-sonnet-4-5"), new GeminiDialect("gemini-2.0-flash"),
                new BedrockDialect("anthropic.claude-3-5-haiku-20241022-v1:0"))) {
            DIALECTS.put(dialect.provider(), dialect);
            FAKES.put(dialect.provider(), FakeUpstream.start());
        }
        gateway = TestGateway.builder().config("""
                        providers:
                          openai-compatible:
                            type: openai-compatible
                            base_url: %s/v1
                            models: [llama3.1]
                          azure-openai:
                            type: azure-openai
                            endpoint: %s
                            models: [gpt-4o]
                        """.formatted(FAKES.get("openai-compatible").baseUrl(), FAKES.get("azure-openai").baseUrl()))
                .env("AZURE_OPENAI_API_KEY", "azure-test-key")
                .env("ANTHROPIC_API_KEY", "sk-ant-test").env("ANTHROPIC_BASE_URL", FAKES.get("anthropic").baseUrl())
                .env("GEMINI_API_KEY", "gemini-test-key").env("GEMINI_BASE_URL", FAKES.get("gemini").baseUrl())
                .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE").env("AWS_SECRET_ACCESS_KEY", "secret-test").env("AWS_REGION", "us-east-1")
                .env("BEDROCK_BASE_URL", FAKES.get("bedrock").baseUrl())
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        for (FakeUpstream fake : FAKES.values()) {
            fake.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheSupportTableHolds() throws Exception {
        List<SupportTable.Cell> cells = SupportTable.read(README);
        assertEquals(3 * 11 * 5, cells.size(), "three client formats × eleven features × five providers");
        List<DynamicTest> tests = new ArrayList<>();
        for (SupportTable.Cell cell : cells) {
            if (cell.support() == SupportTable.Support.NOT_APPLICABLE) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(CLIENTS.get(cell.path()).title() + " × " + cell.provider() + " × " + cell.feature(),
                    () -> run(cell)));
        }
        return tests.stream();
    }

    private static void run(SupportTable.Cell cell) throws Exception {
        ClientDialect client = CLIENTS.get(cell.path());
        UpstreamDialect dialect = DIALECTS.get(cell.provider());
        FakeUpstream fake = FAKES.get(cell.provider());
        String model = dialect.model();
        RequestSpec plain = new RequestSpec(model, false, null, false, false, null, false);
        switch (cell.feature()) {
            case "text" -> {
                answer(fake, dialect.text("Hello there", 10, 3));
                assertEquals("Hello there", whole(client, plain).text());
            }
            case "streamed text" -> {
                answer(fake, dialect.textStream(List.of("Hel", "lo there"), 10, 3));
                assertEquals("Hello there", streamed(client, new RequestSpec(model, true, null, false, false, null, false)).text());
            }
            case "system prompt" -> {
                answer(fake, dialect.text("Hello there", 10, 3));
                whole(client, new RequestSpec(model, false, "Be brief.", false, false, null, false));
                UpstreamView view = dialect.view(fake.lastRequest());
                assertEquals("Be brief.", view.system());
                assertEquals(QUESTION, view.lastUserText());
            }
            case "tool call" -> {
                answer(fake, dialect.toolCall("get_weather", "{\"city\":\"Paris\"}"));
                Answer answer = whole(client, new RequestSpec(model, false, null, true, false, null, false));
                assertToolCall(answer);
                assertEquals(List.of("get_weather"), dialect.view(fake.lastRequest()).toolNames());
            }
            case "streamed tool call" -> {
                answer(fake, dialect.toolCallStream("get_weather", List.of("{\"city\":", "\"Paris\"}")));
                assertToolCall(streamed(client, new RequestSpec(model, true, null, true, false, null, false)));
            }
            case "tool result sent back" -> {
                answer(fake, dialect.text("It is 15C in Paris.", 30, 8));
                assertEquals("It is 15C in Paris.", whole(client, new RequestSpec(model, false, null, false, true, null, false)).text());
                assertEquals("15C", dialect.view(fake.lastRequest()).toolResult());
            }
            case "image (base64)", "image (URL)" -> image(cell, client, dialect, fake, cell.feature().contains("URL") ? "url" : "base64");
            case "JSON mode (json_schema)" -> {
                answer(fake, dialect.json("city", "{\"city\":\"Paris\"}"));
                Answer answer = whole(client, new RequestSpec(model, false, null, false, false, null, true));
                assertEquals(ClientDialect.JSON.readTree("{\"city\":\"Paris\"}"), ClientDialect.JSON.readTree(answer.text()));
                assertTrue(dialect.view(fake.lastRequest()).jsonMode(), "the provider was asked for JSON");
            }
            case "streamed usage" -> {
                answer(fake, dialect.textStream(List.of("Hel", "lo there"), 10, 3));
                Answer answer = streamed(client, new RequestSpec(model, true, null, false, false, null, false));
                assertEquals(10, answer.inputTokens(), "input tokens");
                assertEquals(3, answer.outputTokens(), "output tokens");
            }
            case "upstream 429 → 429 + Retry-After" -> {
                answer(fake, dialect.rateLimited(7));
                HttpResponse<String> response = post(client, plain);
                assertEquals(429, response.statusCode(), response.body());
                assertEquals("7", response.headers().firstValue("retry-after").orElse(null));
                assertTrue(client.isRateLimitError(ClientDialect.JSON.readTree(response.body())), response.body());
            }
            default -> throw new AssertionError("the table names a feature this test does not know: " + cell.feature());
        }
    }

    private static void image(SupportTable.Cell cell, ClientDialect client, UpstreamDialect dialect, FakeUpstream fake, String kind)
            throws Exception {
        RequestSpec spec = new RequestSpec(dialect.model(), false, null, false, false, kind, false);
        if (cell.support() == SupportTable.Support.REFUSED) {
            int before = fake.received().size();
            HttpResponse<String> response = post(client, spec);
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("provider '" + cell.provider() + "'"), response.body());
            assertEquals(before, fake.received().size(), "a refused request never reaches the provider");
            return;
        }
        answer(fake, dialect.text("A sunny street.", 100, 4));
        assertEquals("A sunny street.", whole(client, spec).text());
        UpstreamView view = dialect.view(fake.lastRequest());
        assertTrue(view.image(), "the image reached the provider");
        assertEquals(QUESTION, view.lastUserText());
    }

    /** Every request to this fake gets the reply until the next cell sets another, so a failing cell leaves nothing queued. */
    private static void answer(FakeUpstream fake, FakeUpstream.Reply reply) {
        fake.otherwise(request -> reply);
    }

    private static void assertToolCall(Answer answer) throws Exception {
        assertEquals("get_weather", answer.toolName());
        assertEquals(ClientDialect.JSON.readTree("{\"city\":\"Paris\"}"), ClientDialect.JSON.readTree(answer.toolArguments()));
    }

    private static Answer whole(ClientDialect client, RequestSpec spec) throws Exception {
        HttpResponse<String> response = post(client, spec);
        assertEquals(200, response.statusCode(), response.body());
        return client.whole(ClientDialect.JSON.readTree(response.body()));
    }

    private static Answer streamed(ClientDialect client, RequestSpec spec) throws Exception {
        HttpResponse<String> response = post(client, spec);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = ClientDialect.events(response.body());
        assertFalse(events.isEmpty(), "the stream carried events");
        events.forEach(event -> assertFalse(event.has("error") && !event.has("choices"), "the stream failed: " + event));
        return client.stream(events);
    }

    private static HttpResponse<String> post(ClientDialect client, RequestSpec spec) throws Exception {
        return gateway.post(client.path(), client.body(spec).toString(), "anthropic-version", "2023-06-01");
    }
}
