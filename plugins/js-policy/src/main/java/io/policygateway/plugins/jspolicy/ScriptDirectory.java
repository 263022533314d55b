package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import io.policygateway.plugins.jspolicy.CompiledScript.LoadResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded scripts of one policies folder, kept current while the gateway runs.
 *
 * <p>A {@link FolderWatcher} calls back on every change event and, as a fallback for file systems
 * without change events, every second to compare modification times and sizes. A changed or added
 * file is compiled and its top level run once; on success the new version replaces the old one
 * atomically (calls already running finish on the old one), on failure the old version keeps
 * running and the problem is reported once. A removed file stops its script.
 *
 * <p>Only scripts some guardrail asked for are loaded ({@link #want}), or every {@code .js} file in
 * the folder once one guardrail asked for all ({@link #wantAll}). Thread-safe.
 */
final class ScriptDirectory implements AutoCloseable {
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(1);
    static final long LOAD_MEMORY_BYTES = 64L << 20;
    static final long MAX_FILE_BYTES = 1L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ScriptDirectory.class);

    private final Path directory;
    /** The engine is started on the first script to compile, so an empty folder costs nothing at start. */
    private final java.util.function.Supplier<JavaScriptRuntime> runtime;
    private final ScriptReporter reporter;
    private final Map<String, CompiledScript> loaded = new ConcurrentHashMap<>();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final Map<String, FileState> seen = new HashMap<>();
    private final Map<String, Broken> broken = new HashMap<>();
    private volatile List<CompiledScript> inNameOrder = List.of();
    private volatile boolean wantsAll;
    private volatile boolean closed;
    private FolderWatcher watcher;

    ScriptDirectory(Path directory, java.util.function.Supplier<JavaScriptRuntime> runtime, ScriptReporter reporter) {
        this.directory = requireNonNull(directory, "directory is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
    }

    Path path() {
        return directory;
    }

    /** Loads a script now if it is not loaded yet; returns its problem when it cannot be loaded. */
    Optional<ScriptProblem> want(String name) {
        synchronized (lock) {
            wanted.add(name);
            startWatching();
            return refresh(name, false);
        }
    }

    /** Loads every script of the folder now; returns the problems of those that cannot be loaded. */
    List<ScriptProblem> wantAll() {
        synchronized (lock) {
            wantsAll = true;
            startWatching();
            return rescan(false);
        }
    }

    /** The running version of a script, or null when it is not loaded (missing or never valid). */
    CompiledScript script(String name) {
        return loaded.get(name);
    }

    /** Every running script, in file name order. */
    List<CompiledScript> scripts() {
        return inNameOrder;
    }

    /** Stops watching and closes every script's contexts. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (watcher != null) {
                watcher.close();
            }
            loaded.values().forEach(CompiledScript::retire);
            loaded.clear();
            inNameOrder = List.of();
        }
    }

    private void startWatching() {
        if (watcher == null && !closed) {
            watcher = new FolderWatcher(directory, this::onTick);
        }
    }

    private void onTick(boolean changed) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                rescan(changed);
            } catch (RuntimeException e) {
                LOG.error("Checking policy scripts in {} failed; trying again in {} s", directory,
                        FolderWatcher.POLL_INTERVAL.toSeconds(), e);
            }
        }
    }

    private List<ScriptProblem> rescan(boolean force) {
        Set<String> names = new TreeSet<>(wanted);
        names.addAll(loaded.keySet());
        if (wantsAll) {
            names.addAll(listScripts());
        }
        List<ScriptProblem> problems = new ArrayList<>();
        for (String name : names) {
            refresh(name, force).ifPresent(problems::add);
        }
        return problems;
    }

    private List<String> listScripts() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".js") && !name.startsWith("."))
                    .filter(name -> Files.isRegularFile(directory.resolve(name)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Brings one script up to date with its file. Called with the lock held. */
    private Optional<ScriptProblem> refresh(String name, boolean force) {
        Path file = directory.resolve(name);
        Optional<FileState> state = FileState.of(file);
        if (state.isEmpty()) {
            seen.remove(name);
            broken.remove(name);
            CompiledScript removed = loaded.remove(name);
            if (removed != null) {
                removed.retire();
                reorder();
                reporter.removed(name, removed.version());
            }
            return Optional.empty();
        }
        if (!force && state.get().equals(seen.get(name))) {
            return Optional.ofNullable(broken.get(name)).map(Broken::problem);
        }
        seen.put(name, state.get());
        String text;
        try {
            text = read(file);
        } catch (IOException e) {
            return Optional.of(new ScriptProblem(name, 0, 0, "cannot be read: " + e.getMessage()));
        }
        String version = ScriptHelpers.sha256(text).substring(0, 12);
        CompiledScript current = loaded.get(name);
        if (current != null && current.version().equals(version)) {
            broken.remove(name);
            return Optional.empty();
        }
        Broken known = broken.get(name);
        if (known != null && known.version().equals(version)) {
            return Optional.of(known.problem());
        }
        return load(name, text, version, current);
    }

    private Optional<ScriptProblem> load(String name, String text, String version, CompiledScript current) {
        LoadResult result = CompiledScript.load(runtime.get(), name, text, LOAD_TIMEOUT, LOAD_MEMORY_BYTES);
        return switch (result) {
            case LoadResult.Loaded loadedScript -> {
                loaded.put(name, loadedScript.script());
                broken.remove(name);
                if (current != null) {
                    current.retire();
                }
                reorder();
                reporter.loaded(loadedScript.script(), Optional.ofNullable(current).map(CompiledScript::version));
                yield Optional.empty();
            }
            case LoadResult.Failure failure -> {
                broken.put(name, new Broken(version, failure.problem()));
                reporter.loadFailed(failure.problem(), Optional.ofNullable(current).map(CompiledScript::version));
                yield Optional.of(failure.problem());
            }
        };
    }

    private void reorder() {
        inNameOrder = loaded.values().stream().sorted(Comparator.comparing(CompiledScript::name)).toList();
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + (MAX_FILE_BYTES >> 10) + " KB");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    /** What was last seen of a file, to notice changes without reading it. */
    private record FileState(FileTime modified, long size) {
        static Optional<FileState> of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return attributes.isRegularFile()
                        ? Optional.of(new FileState(attributes.lastModifiedTime(), attributes.size()))
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** A file content that failed to load, remembered so it is reported once. */
    private record Broken(String version, ScriptProblem problem) {
    }
}
