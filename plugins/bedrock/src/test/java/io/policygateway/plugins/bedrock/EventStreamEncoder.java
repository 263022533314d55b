package io.policygateway.plugins.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/** Writes AWS event-stream frames with string headers, as Bedrock sends them; for fake upstreams. */
final class EventStreamEncoder {

    private EventStreamEncoder() {
    }

    static byte[] frame(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            headerBytes.write(nameBytes.length);
            headerBytes.writeBytes(nameBytes);
            headerBytes.write(7);
            headerBytes.write(valueBytes.length >> 8);
            headerBytes.write(valueBytes.length & 0xff);
            headerBytes.writeBytes(valueBytes);
        });
        byte[] encodedHeaders = headerBytes.toByteArray();
        int total = 12 + encodedHeaders.length + payload.length + 4;
        ByteBuffer buffer = ByteBuffer.allocate(total);
        buffer.putInt(total).putInt(encodedHeaders.length);
        buffer.putInt((int) crc(buffer.array(), 8));
        buffer.put(encodedHeaders).put(payload);
        buffer.putInt((int) crc(buffer.array(), total - 4));
        return buffer.array();
    }

    /** A Bedrock ConverseStream event. */
    static byte[] event(String type, String json) {
        return frame(new java.util.LinkedHashMap<>(Map.of(":event-type", type, ":content-type", "application/json",
                ":message-type", "event")), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A Bedrock ConverseStream exception. */
    static byte[] exception(String type, String json) {
        return frame(new java.util.LinkedHashMap<>(Map.of(":exception-type", type, ":content-type", "application/json",
                ":message-type", "exception")), json.getBytes(StandardCharsets.UTF_8));
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
