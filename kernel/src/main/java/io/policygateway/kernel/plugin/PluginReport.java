package io.policygateway.kernel.plugin;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What happened to one file in the plugins folder.
 *
 * @param file the plugin file
 * @param pluginId the plugin id, or {@code ?} when the file could not be read
 * @param version the plugin's version, or empty
 * @param loaded whether its extensions are in use
 * @param reason why not, or a short summary when loaded
 */
public record PluginReport(Path file, String pluginId, String version, boolean loaded, String reason) {
    public PluginReport {
        requireNonNull(file, "file is null");
        requireNonNull(pluginId, "pluginId is null");
        requireNonNull(version, "version is null");
        requireNonNull(reason, "reason is null");
    }
}
