package io.policygateway.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseParserTest {

    @Test
    void parsesEventsWithNamesMultiLineDataCommentsAndMixedLineEndings() throws Exception {
        String wire = ": keep-alive\r\nevent: message_start\r\ndata: {\"a\":1}\r\n\r\ndata: line1\ndata: line2\n\n\rdata: last";
        SseParser parser = new SseParser(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SseEvent.of("message_start", "{\"a\":1}"), parser.next().orElseThrow());
        assertEquals(SseEvent.data("line1\nline2"), parser.next().orElseThrow());
        assertEquals(SseEvent.data("last"), parser.next().orElseThrow());
        assertTrue(parser.next().isEmpty());
    }

    @Test
    void encodeRoundTripsThroughParser() throws Exception {
        SseEvent event = new SseEvent(Optional.of("delta"), "a\nb");
        SseParser parser = new SseParser(new ByteArrayInputStream(event.encode().getBytes(StandardCharsets.UTF_8)));
        assertEquals(event, parser.next().orElseThrow());
    }
}
