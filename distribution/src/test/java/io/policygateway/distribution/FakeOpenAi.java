package io.policygateway.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the OpenAI API, for running the distribution's real {@code openai}
 * provider plugin without the internet: chat completions whole or streamed (with usage), and HTTP
 * 500 for the model {@value #FAILING_MODEL}.
 */
final class FakeOpenAi implements AutoCloseable {
    static final String FAILING_MODEL = "gpt-4.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private FakeOpenAi(HttpServer server) {
        this.server = server;
    }

    static FakeOpenAi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", FakeOpenAi::chat);
        server.start();
        return new FakeOpenAi(server);
    }

    /** The base URL the openai provider takes as {@code OPENAI_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String model = request.path("model").asText();
            int promptTokens = 20 + request.toString().length() / 8;
            if (model.equals(FAILING_MODEL)) {
                send(exchange, 500, "application/json", "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}");
                return;
            }
            if (!request.path("stream").asBoolean(false)) {
                send(exchange, 200, "application/json", """
                        {"id":"chatcmpl-sample","object":"chat.completion","created":1763800000,"model":"%s-2024-07-18",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Here is how to do that."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":%d,"completion_tokens":9,"total_tokens":%d}}""".formatted(model, promptTokens, promptTokens + 9));
                return;
            }
            StringBuilder frames = new StringBuilder();
            String head = "{\"id\":\"chatcmpl-sample\",\"object\":\"chat.completion.chunk\",\"created\":1763800000,\"model\":\"" + model + "\",";
            for (String piece : new String[] {"Here is ", "how to ", "do that."}) {
                frames.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(piece)
                        .append("\"},\"finish_reason\":null}]}\n\n");
            }
            frames.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            frames.append("data: ").append(head).append("\"choices\":[],\"usage\":{\"prompt_tokens\":").append(promptTokens)
                    .append(",\"completion_tokens\":9,\"total_tokens\":").append(promptTokens + 9).append("}}\n\n");
            frames.append("data: [DONE]\n\n");
            send(exchange, 200, "text/event-stream", frames.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
