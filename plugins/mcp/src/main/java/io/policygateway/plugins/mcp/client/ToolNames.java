package io.policygateway.plugins.mcp.client;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of MCP tools as the model sees them: {@code <server>__<tool>}, limited to OpenAI's function
 * name alphabet ({@code [A-Za-z0-9_-]}) and length (64). Server names are validated so that the
 * first {@code __} of a namespaced name always ends the server part.
 */
public final class ToolNames {
    public static final String SEPARATOR = "__";
    public static final int MAX_LENGTH = 64;
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int HASH_LENGTH = 8;

    private ToolNames() {
    }

    /** The namespaced name of a tool, cut to {@link #MAX_LENGTH} with a hash of the full name when too long. */
    public static String namespaced(String server, String tool) {
        String name = server + SEPARATOR + NOT_ALLOWED.matcher(tool).replaceAll("_");
        return name.length() <= MAX_LENGTH ? name : withHash(server, tool);
    }

    /**
     * A namespaced name that also carries a hash of the original tool name: used when the plain
     * name is too long, or when two tools of a server sanitise to the same name.
     */
    public static String withHash(String server, String tool) {
        String hash = String.format("%08x", tool.hashCode());
        String base = server + SEPARATOR + NOT_ALLOWED.matcher(tool).replaceAll("_");
        int keep = Math.min(base.length(), MAX_LENGTH - HASH_LENGTH - 1);
        return base.substring(0, keep) + "_" + hash;
    }

    /** The server part of a namespaced name, if it has one. */
    public static Optional<String> serverOf(String namespacedName) {
        int separator = namespacedName.indexOf(SEPARATOR);
        return separator > 0 ? Optional.of(namespacedName.substring(0, separator)) : Optional.empty();
    }
}
