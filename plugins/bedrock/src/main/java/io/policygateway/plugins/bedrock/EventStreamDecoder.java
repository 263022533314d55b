package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Reads AWS event-stream framing ({@code application/vnd.amazon.eventstream}) message by message:
 * a 12-byte prelude (total length, headers length, CRC32 of the first 8 bytes), the headers (name
 * length, name, value type, value), the payload, and a CRC32 of everything before it. Both checksums
 * are verified; lengths are bounded (16 MB per message, 128 KB of headers, as AWS specifies). Not
 * thread-safe: one decoder per stream.
 */
final class EventStreamDecoder {
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    static final int MAX_HEADER_BYTES = 128 * 1024;
    private static final int PRELUDE_BYTES = 12;
    private static final int MINIMUM_MESSAGE_BYTES = 16;

    private final InputStream input;

    EventStreamDecoder(InputStream input) {
        this.input = requireNonNull(input, "input is null");
    }

    /** A frame that breaks the format (bad length, checksum or header). */
    static final class MalformedFrameException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedFrameException(String message) {
            super(message);
        }
    }

    /**
     * Blocks until the next message and returns it, or returns empty when the body ended cleanly
     * between messages.
     *
     * @throws MalformedFrameException when a frame is corrupt or cut short
     * @throws IOException when reading fails
     */
    Optional<EventStreamMessage> next() throws IOException {
        byte[] prelude = new byte[PRELUDE_BYTES];
        int first = input.readNBytes(prelude, 0, PRELUDE_BYTES);
        if (first == 0) {
            return Optional.empty();
        }
        if (first < PRELUDE_BYTES) {
            throw new MalformedFrameException("the event stream ended inside a message prelude");
        }
        ByteBuffer preludeBuffer = ByteBuffer.wrap(prelude);
        long totalLength = Integer.toUnsignedLong(preludeBuffer.getInt());
        long headersLength = Integer.toUnsignedLong(preludeBuffer.getInt());
        long preludeCrc = Integer.toUnsignedLong(preludeBuffer.getInt());
        if (crc(prelude, 0, 8) != preludeCrc) {
            throw new MalformedFrameException("event stream prelude checksum mismatch");
        }
        if (totalLength < MINIMUM_MESSAGE_BYTES || totalLength > MAX_MESSAGE_BYTES) {
            throw new MalformedFrameException("event stream message length " + totalLength + " is out of bounds");
        }
        if (headersLength > MAX_HEADER_BYTES || headersLength > totalLength - MINIMUM_MESSAGE_BYTES) {
            throw new MalformedFrameException("event stream headers length " + headersLength + " is out of bounds");
        }
        byte[] message = new byte[(int) totalLength];
        System.arraycopy(prelude, 0, message, 0, PRELUDE_BYTES);
        int rest = input.readNBytes(message, PRELUDE_BYTES, message.length - PRELUDE_BYTES);
        if (rest < message.length - PRELUDE_BYTES) {
            throw new MalformedFrameException("the event stream ended inside a message");
        }
        long messageCrc = Integer.toUnsignedLong(ByteBuffer.wrap(message, message.length - 4, 4).getInt());
        if (crc(message, 0, message.length - 4) != messageCrc) {
            throw new MalformedFrameException("event stream message checksum mismatch");
        }
        Map<String, String> headers = headers(ByteBuffer.wrap(message, PRELUDE_BYTES, (int) headersLength).slice());
        int payloadStart = PRELUDE_BYTES + (int) headersLength;
        byte[] payload = new byte[message.length - 4 - payloadStart];
        System.arraycopy(message, payloadStart, payload, 0, payload.length);
        return Optional.of(new EventStreamMessage(headers, payload));
    }

    private static Map<String, String> headers(ByteBuffer buffer) throws MalformedFrameException {
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            while (buffer.hasRemaining()) {
                int nameLength = Byte.toUnsignedInt(buffer.get());
                byte[] name = new byte[nameLength];
                buffer.get(name);
                int type = Byte.toUnsignedInt(buffer.get());
                String value = switch (type) {
                    case 0 -> "true";
                    case 1 -> "false";
                    case 2 -> Byte.toString(buffer.get());
                    case 3 -> Short.toString(buffer.getShort());
                    case 4 -> Integer.toString(buffer.getInt());
                    case 5 -> Long.toString(buffer.getLong());
                    case 6 -> HexFormat.of().formatHex(bytes(buffer));
                    case 7 -> new String(bytes(buffer), StandardCharsets.UTF_8);
                    case 8 -> Instant.ofEpochMilli(buffer.getLong()).toString();
                    case 9 -> new UUID(buffer.getLong(), buffer.getLong()).toString();
                    default -> throw new MalformedFrameException("unknown event stream header type " + type);
                };
                headers.put(new String(name, StandardCharsets.UTF_8), value);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedFrameException("event stream headers are cut short");
        }
        return headers;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] value = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(value);
        return value;
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
