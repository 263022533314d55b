package io.policygateway.plugins.mcp.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.policygateway.plugins.mcp.config.TransportConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP's stdio transport over a child process: newline-delimited JSON-RPC on its standard input and
 * output, its standard error drained line by line to the gateway's log.
 *
 * <p>Used instead of the SDK's own stdio transport because the gateway must control the process:
 * it gets a minimal environment (never the gateway's provider keys), its whole process tree is
 * stopped on close (launchers such as {@code npx} leave their child running otherwise), and its exit
 * is reported at once so the server shows as down and is restarted.
 *
 * <p>One instance serves one process lifetime. Reader threads are daemon threads named after the server.
 */
final class StdioProcessTransport implements McpClientTransport {
    private static final Logger LOG = LoggerFactory.getLogger(StdioProcessTransport.class);
    private static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
    private static final int MAX_REASON_CHARS = 200;
    private static final long STOP_WAIT_MILLIS = 2_000;
    /** The OS reason in {@code Cannot run program ...: error=2, No such file...} or {@code ...error: 2 (No such file...)}. */
    private static final Pattern EXEC_ERROR = Pattern.compile("error[=:] ?\\d+(?:, | \\()([^)]+)\\)?");

    private final String serverName;
    private final TransportConfig.Stdio config;
    private final Map<String, String> environment;
    private final McpJsonMapper mapper;
    private final Consumer<String> exitListener;
    private final Object writeLock = new Object();

    private volatile Process process;
    private volatile Writer processInput;
    private volatile boolean closing;
    private volatile String lastErrorLine = "";
    private volatile Consumer<Throwable> exceptionHandler = error -> { };
    private volatile Thread errorDrain;
    private volatile String startFailure;

    /**
     * @param environment the complete environment of the process
     * @param exitListener told, once, why the process ended when it ends without {@link #closeGracefully()}
     */
    StdioProcessTransport(String serverName, TransportConfig.Stdio config, Map<String, String> environment,
            McpJsonMapper mapper, Consumer<String> exitListener) {
        this.serverName = requireNonNull(serverName, "serverName is null");
        this.config = requireNonNull(config, "config is null");
        this.environment = Map.copyOf(environment);
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.exitListener = requireNonNull(exitListener, "exitListener is null");
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        requireNonNull(handler, "handler is null");
        return Mono.fromRunnable(() -> start(handler));
    }

    private void start(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(config.command());
        commandLine.addAll(config.args());
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(config.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            startFailure = "cannot start '" + config.command() + "': " + osReason(e);
            throw new UncheckedIOException(startFailure, e);
        }
        process = started;
        processInput = new OutputStreamWriter(started.getOutputStream(), UTF_8);
        daemon("stdout", () -> readMessages(started.getInputStream(), handler));
        errorDrain = daemon("stderr", () -> drainErrors(started.getErrorStream()));
        started.onExit().thenRun(() -> {
            if (!closing) {
                exitListener.accept(exitReason(started));
            }
        });
        LOG.info("mcp server {}: started '{}' (pid {})", serverName, config.command(), started.pid());
    }

    private Thread daemon(String stream, Runnable task) {
        return Thread.ofPlatform().daemon().name("mcp-" + serverName + "-" + stream).start(task);
    }

    private void readMessages(InputStream output, Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        try (Reader reader = new BufferedReader(new InputStreamReader(output, UTF_8))) {
            StringBuilder line = new StringBuilder();
            boolean overlong = false;
            for (int next = reader.read(); next >= 0; next = reader.read()) {
                if (next != '\n') {
                    if (line.length() < MAX_LINE_CHARS) {
                        line.append((char) next);
                    } else {
                        overlong = true;
                    }
                    continue;
                }
                if (overlong) {
                    LOG.warn("mcp server {}: dropped a message longer than {} characters", serverName, MAX_LINE_CHARS);
                } else {
                    deliver(line.toString().strip(), handler);
                }
                line.setLength(0);
                overlong = false;
            }
        } catch (IOException e) {
            if (!closing) {
                exceptionHandler.accept(e);
            }
        }
    }

    private void deliver(String line, Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        if (line.isEmpty()) {
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(mapper, line);
        } catch (IOException | RuntimeException e) {
            LOG.warn("mcp server {}: ignored a line on stdout that is not a JSON-RPC message", serverName);
            return;
        }
        handler.apply(Mono.just(message)).subscribe(
                reply -> { },
                error -> LOG.warn("mcp server {}: handling a message failed: {}", serverName, error.toString()));
    }

    private void drainErrors(InputStream errors) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(errors, UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lastErrorLine = line.length() > MAX_REASON_CHARS ? line.substring(0, MAX_REASON_CHARS) : line;
                    LOG.info("mcp server {} stderr: {}", serverName, line);
                }
            }
        } catch (IOException e) {
            LOG.debug("mcp server {}: stderr closed: {}", serverName, e.toString());
        }
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> write(message));
    }

    private void write(McpSchema.JSONRPCMessage message) {
        Writer input = processInput;
        if (input == null || closing) {
            String failure = startFailure;
            throw new IllegalStateException(failure != null ? failure : "the process of mcp server " + serverName + " is not running");
        }
        try {
            String json = mapper.writeValueAsString(message);
            synchronized (writeLock) {
                input.write(json);
                input.write('\n');
                input.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to mcp server " + serverName + ": " + e.getMessage(), e);
        }
    }

    /** Closes the process's input, then stops the process and everything it started. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::stop);
    }

    private void stop() {
        closing = true;
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(running.descendants().toList());
        try {
            processInput.close();
        } catch (IOException e) {
            LOG.debug("mcp server {}: closing stdin failed: {}", serverName, e.toString());
        }
        tree.forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        LOG.info("mcp server {}: stopped", serverName);
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        this.exceptionHandler = requireNonNull(handler, "handler is null");
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }

    private String exitReason(Process ended) {
        awaitErrorDrain();
        String reason = "process exited with code " + ended.exitValue();
        String lastLine = lastErrorLine;
        return lastLine.isEmpty() ? reason : reason + " (last stderr line: " + lastLine + ")";
    }

    /** Lets the stderr reader catch up, so the exit reason can quote the last line the process wrote. */
    private void awaitErrorDrain() {
        Thread drain = errorDrain;
        if (drain == null) {
            return;
        }
        try {
            drain.join(STOP_WAIT_MILLIS / 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String osReason(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Matcher matcher = EXEC_ERROR.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return matcher.group(1).strip();
            }
        }
        return String.valueOf(e.getMessage());
    }
}
