package io.policygateway.plugins.bedrock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks the decoder against aws-c-event-stream's published encodings. */
class EventStreamDecoderTest {
    /** {@code encoded/positive/empty_message}. */
    private static final byte[] EMPTY_MESSAGE = HexFormat.of().parseHex("000000100000000005c248eb7d98c8ff");
    /** {@code encoded/positive/payload_one_str_header}: content-type application/json, payload {'foo':'bar'}. */
    private static final byte[] ONE_STRING_HEADER = HexFormat.of().parseHex(
            "0000003d0000002007fd83960c636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e7b27666f6f273a27626172277d8d9c08b1");

    @Test
    void decodesThePublishedEmptyMessage() throws IOException {
        EventStreamDecoder decoder = new EventStreamDecoder(new ByteArrayInputStream(EMPTY_MESSAGE));
        EventStreamMessage message = decoder.next().orElseThrow();
        assertTrue(message.headers().isEmpty());
        assertEquals(0, message.payload().length);
        assertEquals(Optional.empty(), decoder.next());
    }

    @Test
    void decodesThePublishedMessageWithAStringHeader() throws IOException {
        EventStreamMessage message = new EventStreamDecoder(new ByteArrayInputStream(ONE_STRING_HEADER)).next().orElseThrow();
        assertEquals(Map.of("content-type", "application/json"), message.headers());
        assertEquals("{'foo':'bar'}", message.payloadText());
    }

    @Test
    void theTestEncoderWritesThePublishedBytes() {
        assertArrayEquals(EMPTY_MESSAGE, EventStreamEncoder.frame(Map.of(), new byte[0]));
        assertArrayEquals(ONE_STRING_HEADER, EventStreamEncoder.frame(Map.of("content-type", "application/json"), "{'foo':'bar'}".getBytes()));
    }

    @Test
    void readsConsecutiveMessages() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(EventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"));
        stream.writeBytes(EventStreamEncoder.event("messageStop", "{\"stopReason\":\"end_turn\"}"));
        EventStreamDecoder decoder = new EventStreamDecoder(new ByteArrayInputStream(stream.toByteArray()));
        assertEquals("messageStart", decoder.next().orElseThrow().header(":event-type").orElseThrow());
        assertEquals("{\"stopReason\":\"end_turn\"}", decoder.next().orElseThrow().payloadText());
        assertEquals(Optional.empty(), decoder.next());
    }

    @Test
    void refusesCorruptChecksums() {
        byte[] badPrelude = ONE_STRING_HEADER.clone();
        badPrelude[11] ^= 1;
        assertEquals("event stream prelude checksum mismatch", assertThrows(EventStreamDecoder.MalformedFrameException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(badPrelude)).next()).getMessage());
        byte[] badPayload = ONE_STRING_HEADER.clone();
        badPayload[50] ^= 1;
        assertEquals("event stream message checksum mismatch", assertThrows(EventStreamDecoder.MalformedFrameException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(badPayload)).next()).getMessage());
    }

    @Test
    void refusesAStreamCutInsideAMessage() {
        byte[] cut = java.util.Arrays.copyOf(ONE_STRING_HEADER, 30);
        assertEquals("the event stream ended inside a message", assertThrows(EventStreamDecoder.MalformedFrameException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(cut)).next()).getMessage());
    }

    @Test
    void refusesAnAbsurdLengthBeforeAllocating() {
        byte[] prelude = java.nio.ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putInt(0).array();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(prelude, 0, 8);
        java.nio.ByteBuffer.wrap(prelude).putInt(8, (int) crc.getValue());
        assertTrue(assertThrows(EventStreamDecoder.MalformedFrameException.class,
                () -> new EventStreamDecoder(new ByteArrayInputStream(prelude)).next()).getMessage().contains("out of bounds"));
    }
}
