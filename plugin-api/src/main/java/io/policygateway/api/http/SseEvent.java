package io.policygateway.api.http;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} field, if present
 * @param data the {@code data:} lines joined with newlines
 */
public record SseEvent(Optional<String> event, String data) {
    public SseEvent {
        requireNonNull(event, "event is null");
        requireNonNull(data, "data is null");
    }

    public static SseEvent data(String data) {
        return new SseEvent(Optional.empty(), data);
    }

    public static SseEvent of(String event, String data) {
        return new SseEvent(Optional.of(event), data);
    }

    /** The wire form, ending with the blank line that terminates an event. */
    public String encode() {
        StringBuilder out = new StringBuilder(data.length() + 32);
        event.ifPresent(name -> out.append("event: ").append(name).append('\n'));
        int start = 0;
        while (true) {
            int newline = data.indexOf('\n', start);
            if (newline < 0) {
                out.append("data: ").append(data, start, data.length()).append('\n');
                break;
            }
            out.append("data: ").append(data, start, newline).append('\n');
            start = newline + 1;
        }
        return out.append('\n').toString();
    }
}
