package io.policygateway.plugins.openai;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.http.SseParser;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.EventStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Events of an OpenAI stream. A stream only ends cleanly with its terminal marker ({@code [DONE]}
 * for chat, a final {@code response.*} event for Responses); a connection that closes before it,
 * an error event, a malformed event or a stall is a failure.
 */
final class OpenAiEventStream implements EventStream {
    private final String provider;
    private final WireFormat format;
    private final UpstreamResponse response;
    private final SseParser parser;
    private boolean finished;

    OpenAiEventStream(String provider, WireFormat format, UpstreamResponse response) {
        this.provider = provider;
        this.format = format;
        this.response = response;
        this.parser = new SseParser(response.body());
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        if (finished) {
            return Optional.empty();
        }
        Optional<SseEvent> next;
        try {
            next = parser.next();
        } catch (IOException e) {
            close();
            throw broken(e);
        }
        if (next.isEmpty()) {
            close();
            throw new GatewayException(ErrorCategory.UPSTREAM, "Upstream " + provider + " closed the stream before it was complete");
        }
        SseEvent event = next.get();
        String data = event.data().strip();
        if (data.equals("[DONE]")) {
            finished = true;
            close();
            return Optional.empty();
        }
        if (!data.startsWith("{")) {
            close();
            throw new GatewayException(ErrorCategory.UPSTREAM, "Upstream " + provider + " sent a stream event that is not JSON");
        }
        if (event.event().filter("error"::equals).isPresent() || data.startsWith("{\"error\"")) {
            close();
            throw new GatewayException(ErrorCategory.UPSTREAM, "Upstream " + provider + " reported an error mid-stream: "
                    + abbreviate(data));
        }
        if (format == WireFormat.OPENAI_RESPONSES && event.event().filter(OpenAiEventStream::terminalResponseEvent).isPresent()) {
            finished = true;
        }
        return Optional.of(event);
    }

    private static boolean terminalResponseEvent(String name) {
        return name.equals("response.completed") || name.equals("response.failed") || name.equals("response.incomplete");
    }

    private GatewayException broken(IOException e) {
        boolean timeout = e instanceof java.io.InterruptedIOException || e.getCause() instanceof TimeoutException
                || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout");
        return new GatewayException(timeout ? ErrorCategory.UPSTREAM_TIMEOUT : ErrorCategory.UPSTREAM,
                timeout ? "Upstream " + provider + " stalled mid-stream (no data within the idle timeout)"
                        : "Upstream " + provider + " broke the stream: " + e.getMessage());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Override
    public void close() {
        response.close();
    }
}
