package io.policygateway.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Incremental parser for a {@code text/event-stream} body, per the WHATWG rules: lines end with
 * LF, CR or CRLF; {@code data} lines accumulate; comments and {@code id}/{@code retry} fields are
 * ignored; an event is dispatched on a blank line. Not thread-safe: one parser per stream.
 */
public final class SseParser {
    private final InputStream input;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean pendingCarriageReturn;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public SseParser(InputStream input) {
        this.input = input;
    }

    /**
     * Blocks until the next complete event and returns it, or returns empty at the end of the
     * stream (a trailing event without its blank line is still dispatched).
     */
    public Optional<SseEvent> next() throws IOException {
        String event = null;
        StringBuilder data = null;
        while (true) {
            String current = readLine();
            if (current == null) {
                return data == null ? Optional.empty() : Optional.of(new SseEvent(Optional.ofNullable(event), data.toString()));
            }
            if (current.isEmpty()) {
                if (data != null) {
                    return Optional.of(new SseEvent(Optional.ofNullable(event), data.toString()));
                }
                event = null;
                continue;
            }
            if (current.charAt(0) == ':') {
                continue;
            }
            int colon = current.indexOf(':');
            String field = colon < 0 ? current : current.substring(0, colon);
            String value = colon < 0 ? "" : current.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                if (data == null) {
                    data = new StringBuilder(value.length());
                } else {
                    data.append('\n');
                }
                data.append(value);
            } else if (field.equals("event")) {
                event = value;
            }
        }
    }

    private String readLine() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                limit = input.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
            }
            byte b = buffer[position++];
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\r') {
                pendingCarriageReturn = true;
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }
}
