package io.policygateway.plugins.mcp.client;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code tools/call} result into the text the model reads: text content as is, other
 * content described in one line (images and audio are not forwarded), structured content as JSON
 * when there is nothing else. Cut to a maximum length, saying so.
 */
public final class ResultText {
    private final int maxChars;

    public ResultText(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        this.maxChars = maxChars;
    }

    /** @param structuredJson the structured content as JSON text, or null */
    public String render(List<McpSchema.Content> content, String structuredJson) {
        List<String> parts = new ArrayList<>();
        if (content != null) {
            for (McpSchema.Content item : content) {
                parts.add(describe(item));
            }
        }
        if (parts.isEmpty() && structuredJson != null) {
            parts.add(structuredJson);
        }
        return cut(String.join("\n", parts));
    }

    /** Cuts a text to the maximum length, noting how much was left out. */
    public String cut(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars) + "\n[result truncated: " + (text.length() - maxChars) + " more characters]";
    }

    private static String describe(McpSchema.Content item) {
        if (item instanceof McpSchema.TextContent text) {
            return text.text() == null ? "" : text.text();
        }
        if (item instanceof McpSchema.ImageContent image) {
            return "[image " + image.mimeType() + ", " + decodedBytes(image.data()) + " bytes, not shown]";
        }
        if (item instanceof McpSchema.AudioContent audio) {
            return "[audio " + audio.mimeType() + ", " + decodedBytes(audio.data()) + " bytes, not shown]";
        }
        if (item instanceof McpSchema.ResourceLink link) {
            return "[resource link: " + link.name() + " <" + link.uri() + ">"
                    + (link.description() == null ? "" : " " + link.description()) + "]";
        }
        if (item instanceof McpSchema.EmbeddedResource embedded) {
            if (embedded.resource() instanceof McpSchema.TextResourceContents text) {
                return "[resource " + text.uri() + "]\n" + (text.text() == null ? "" : text.text());
            }
            McpSchema.ResourceContents resource = embedded.resource();
            return "[resource " + resource.uri() + ", " + resource.mimeType() + ", binary, not shown]";
        }
        return "[" + item.type() + " content, not shown]";
    }

    private static long decodedBytes(String base64) {
        return base64 == null ? 0 : base64.length() * 3L / 4;
    }
}
