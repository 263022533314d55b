package io.policygateway.plugins.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.tool.ToolLoop;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Builds the section the kernel passes (top-level {@code mcp_servers} and {@code mcp}) and callers' contexts. */
final class TestConfigs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestConfigs() {
    }

    /** A config from JSON text written like {@code gateway.yaml}'s top level. */
    static PluginConfig config(String json) {
        try {
            return new PluginConfig("gateway.yaml", "", (ObjectNode) JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ToolLoop create(String json, RecordingPluginContext context) {
        return new McpToolLoopFactory().create(config(json), context);
    }

    static PolicyContext anyCaller() {
        return PolicyContext.anonymous("trace-1");
    }

    static PolicyContext caller(String project, String key) {
        return new PolicyContext("trace-2", "policy", "/chat/completions", Optional.ofNullable(project),
                Optional.of("user-7"), Optional.empty(), Optional.ofNullable(key), List.of(), Optional.of("policy-gateway"),
                Map.of());
    }

    /** The names of the tools a caller is offered. */
    static List<String> toolNames(ToolLoop loop, PolicyContext caller) {
        return loop.tools(caller).stream().map(tool -> tool.path("function").path("name").asText()).sorted().toList();
    }

    /** Polls until the condition holds; fails the test after {@code timeout}. */
    static void eventually(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }
}
