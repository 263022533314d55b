package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceContextTest {
    @Test
    void honoursIncomingTraceparentAndStartsANewSpan() {
        TraceContext trace = TraceContext.from(Optional.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), Optional.empty());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", trace.traceId());
        assertTrue(trace.traceparent().startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        assertNotEquals("00f067aa0ba902b7", trace.spanId());
    }

    @Test
    void generatesTraceIdWhenNoneOrInvalidAndKeepsRequestId() {
        TraceContext trace = TraceContext.from(Optional.of("garbage"), Optional.of("req-42"));
        assertTrue(trace.traceId().matches("[0-9a-f]{32}"));
        assertEquals("req-42", trace.requestId());
    }
}
