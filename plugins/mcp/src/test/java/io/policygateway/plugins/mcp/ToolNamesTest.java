package io.policygateway.plugins.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.policygateway.plugins.mcp.client.ExposedTool;
import io.policygateway.plugins.mcp.client.ToolCatalog;
import io.policygateway.plugins.mcp.client.ToolNames;
import io.policygateway.plugins.mcp.config.ToolFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tool names as the model sees them: namespaced, in OpenAI's alphabet, at most 64 characters, never colliding. */
class ToolNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prefixesTheServerNameAndReplacesCharactersOutsideOpenAisAlphabet() {
        assertEquals("github__create_issue", ToolNames.namespaced("github", "create_issue"));
        assertEquals("fs__read_file_v2", ToolNames.namespaced("fs", "read.file v2"));
        assertEquals("everything__get-sum", ToolNames.namespaced("everything", "get-sum"));
    }

    @Test
    void cutsLongNamesTo64CharactersKeepingThemDistinct() {
        String first = ToolNames.namespaced("server", "a".repeat(70) + "_one");
        String second = ToolNames.namespaced("server", "a".repeat(70) + "_two");

        assertEquals(64, first.length());
        assertTrue(first.matches("[A-Za-z0-9_-]+"), first);
        assertNotEquals(first, second);
    }

    @Test
    void givesToolsThatSanitiseAlikeDistinctNames() {
        ToolCatalog catalog = ToolCatalog.of("fs", List.of(tool("read.file"), tool("read/file"), tool("read_file")),
                ToolFilter.ALL, JSON);

        List<String> names = catalog.tools().stream().map(ExposedTool::name).toList();
        assertEquals(3, names.stream().distinct().count(), names.toString());
        assertTrue(names.contains("fs__read_file"));
        assertEquals(Optional.of("read/file"), catalog.tools().stream().map(ExposedTool::mcpName)
                .filter(name -> name.equals("read/file")).findFirst());
        assertTrue(names.stream().allMatch(name -> name.matches("fs__[A-Za-z0-9_-]+")), names.toString());
    }

    @Test
    void findsTheServerOfANamespacedName() {
        assertEquals(Optional.of("my-server"), ToolNames.serverOf("my-server__do__it"));
        assertEquals(Optional.of("a_b"), ToolNames.serverOf("a_b__tool"));
        assertEquals(Optional.empty(), ToolNames.serverOf("get_weather"));
    }

    private static McpSchema.Tool tool(String name) {
        return McpSchema.Tool.builder(name, Map.of("type", "object")).description("reads").build();
    }
}
