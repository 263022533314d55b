package io.policygateway.kernel.event;

import io.policygateway.api.event.EventSink;
import io.policygateway.api.event.PolicyEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Appends policy events to {@code logs/policy-events.log}, one seed-format line each. */
public final class EventFileSink implements EventSink {
    private final BufferedWriter out;

    public EventFileSink(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void write(List<PolicyEvent> events) throws IOException {
        for (PolicyEvent event : events) {
            out.write(PolicyEventLine.format(event));
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
