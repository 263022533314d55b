package io.policygateway.kernel.plugin;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin JARs from the plugins folder with PF4J and hands out their extensions, together
 * with extensions on the gateway's own class path. A file that is broken, duplicates a loaded
 * plugin id or requires another gateway version is reported and skipped; it never stops the
 * gateway unless its id is listed as required.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final ReportingPluginManager manager;
    private final List<PluginReport> reports;

    /**
     * @param directory the plugins folder (may not exist: then only class-path extensions are used)
     * @param systemVersion the gateway version {@code Plugin-Requires} is checked against
     * @param disabled plugin ids not to start
     */
    public PluginHost(Path directory, String systemVersion, Set<String> disabled) {
        requireNonNull(directory, "directory is null");
        manager = new ReportingPluginManager(directory, Set.copyOf(disabled));
        manager.setSystemVersion(systemVersion);
        manager.setExactVersionAllowed(true);
        if (Files.isDirectory(directory)) {
            manager.loadPlugins();
            manager.startPlugins();
        }
        reports = List.copyOf(manager.reports(systemVersion));
        for (PluginReport report : reports) {
            if (report.loaded()) {
                log.info("Plugin {} {} loaded from {}", report.pluginId(), report.version(), report.file().getFileName());
            } else {
                log.warn("Plugin file {} not loaded: {}", report.file().getFileName(), report.reason());
            }
        }
    }

    /** What happened to each plugin file. */
    public List<PluginReport> reports() {
        return reports;
    }

    /** Fails when one of the required plugin ids did not load, naming the reason. */
    public void requireLoaded(Collection<String> required) {
        for (String id : required) {
            boolean loaded = reports.stream().anyMatch(report -> report.pluginId().equals(id) && report.loaded());
            if (!loaded) {
                String reason = reports.stream().filter(report -> report.pluginId().equals(id)).map(PluginReport::reason)
                        .findFirst().orElse("no plugin with this id in " + manager.getPluginsRoot());
                throw new IllegalStateException("required plugin '" + id + "' is not available: " + reason);
            }
        }
    }

    /**
     * Every extension of a type, from started plugins and the class path, one per id: when two
     * declare the same id the first found wins and the other is reported.
     */
    public <T> List<T> extensions(Class<T> type, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        List<T> found;
        try {
            found = manager.getExtensions(type);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Could not list {} extensions: {}", type.getSimpleName(), e.toString());
            found = List.of();
        }
        for (T extension : found) {
            String name;
            try {
                name = id.apply(extension);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Ignoring {} {}: its id() failed: {}", type.getSimpleName(), extension.getClass().getName(), e.toString());
                continue;
            }
            T previous = byId.putIfAbsent(name, extension);
            if (previous != null && previous.getClass() != extension.getClass()) {
                log.warn("Ignoring {} '{}' from {}: an extension with that id is already loaded from {}", type.getSimpleName(), name,
                        origin(extension), origin(previous));
            }
        }
        return List.copyOf(byId.values());
    }

    private String origin(Object extension) {
        PluginWrapper plugin = manager.whichPlugin(extension.getClass());
        return plugin == null ? "the class path" : "plugin " + plugin.getPluginId();
    }

    @Override
    public void close() {
        try {
            manager.stopPlugins();
            manager.unloadPlugins();
        } catch (RuntimeException e) {
            log.warn("Stopping plugins failed: {}", e.toString());
        }
    }

    /** Records why each path failed instead of only logging it. */
    private static final class ReportingPluginManager extends DefaultPluginManager {
        private final Set<String> disabled;
        private final Map<Path, String> failures = new LinkedHashMap<>();

        ReportingPluginManager(Path directory, Set<String> disabled) {
            super(directory);
            this.disabled = disabled;
        }

        @Override
        public void loadPlugins() {
            for (Path path : pluginRepository.getPluginPaths()) {
                try {
                    PluginWrapper plugin = loadPluginFromPath(path);
                    if (disabled.contains(plugin.getPluginId())) {
                        plugin.setPluginState(PluginState.DISABLED);
                    }
                } catch (PluginRuntimeException | LinkageError e) {
                    failures.put(path, describe(e));
                }
            }
            resolvePlugins();
        }

        List<PluginReport> reports(String systemVersion) {
            List<PluginReport> out = new ArrayList<>();
            failures.forEach((path, reason) -> out.add(new PluginReport(path, "?", "", false, reason)));
            for (PluginWrapper plugin : getPlugins()) {
                String id = plugin.getPluginId();
                String version = plugin.getDescriptor().getVersion();
                PluginState state = plugin.getPluginState();
                if (state == PluginState.STARTED) {
                    out.add(new PluginReport(plugin.getPluginPath(), id, version, true, "started"));
                } else if (disabled.contains(id)) {
                    out.add(new PluginReport(plugin.getPluginPath(), id, version, false, "disabled by plugin_system.disabled"));
                } else if (!isPluginValid(plugin)) {
                    out.add(new PluginReport(plugin.getPluginPath(), id, version, false, "requires gateway version '"
                            + plugin.getDescriptor().getRequires() + "' but this gateway is " + systemVersion));
                } else {
                    Throwable failure = plugin.getFailedException();
                    out.add(new PluginReport(plugin.getPluginPath(), id, version, false, "state " + state
                            + (failure == null ? "" : ": " + describe(failure))));
                }
            }
            return out;
        }

        private static String describe(Throwable e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Throwable cause = e.getCause();
            if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
                message += " (" + cause.getMessage() + ")";
            }
            return message.replace('\n', ' ');
        }
    }
}
