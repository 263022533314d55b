package io.policygateway.plugins.mcp.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.policygateway.plugins.mcp.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one MCP server connected: opens a session in the background, reconnects with exponential
 * backoff while the server is down, notices when it goes away (process exit, failed ping, broken
 * call) and reports its state for {@code /health}. Thread-safe.
 *
 * <p>Invariant: while not closed, either the state is {@link State.Up} or exactly one connection
 * attempt is scheduled or running. Attempts run on virtual threads; the scheduler only times them.
 */
public final class ServerConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

    /** Where a server stands. */
    sealed interface State {
        record Starting() implements State {
        }

        record Up(Session session) implements State {
        }

        record Down(String reason) implements State {
        }

        record Closed() implements State {
        }
    }

    private final ServerConfig config;
    private final SessionOpener opener;
    private final ScheduledExecutorService scheduler;
    private final ObjectMapper json;
    private final ResultText resultText;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final AtomicReference<State> state = new AtomicReference<>(new State.Starting());
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile Duration nextDelay;

    ServerConnection(ServerConfig config, SessionOpener opener, ScheduledExecutorService scheduler, ObjectMapper json,
            ResultText resultText, Duration initialDelay, Duration maxDelay) {
        this.config = requireNonNull(config, "config is null");
        this.opener = requireNonNull(opener, "opener is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.json = requireNonNull(json, "json is null");
        this.resultText = requireNonNull(resultText, "resultText is null");
        this.initialDelay = requireNonNull(initialDelay, "initialDelay is null");
        this.maxDelay = requireNonNull(maxDelay, "maxDelay is null");
        this.nextDelay = initialDelay;
    }

    public String name() {
        return config.name();
    }

    /** Starts the first connection attempt in the background. */
    void start() {
        schedule(Duration.ZERO);
    }

    /** Waits until the first attempt has ended (either way), at most {@code timeout}. */
    boolean awaitFirstAttempt(Duration timeout) throws InterruptedException {
        return firstAttempt.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code up}, {@code starting} or {@code down: <reason>}. */
    public String health() {
        return switch (state.get()) {
            case State.Up up -> "up";
            case State.Starting starting -> "starting";
            case State.Down down -> "down: " + down.reason();
            case State.Closed closed -> "down: closed";
        };
    }

    /** The tools exposed now: none unless the server is up. */
    public List<ExposedTool> tools() {
        return state.get() instanceof State.Up up ? up.session().catalog().tools() : List.of();
    }

    /**
     * Calls a tool by its namespaced name. Blocks up to the server's call timeout. Never throws:
     * every failure becomes a result whose text tells the model what went wrong.
     */
    public CallResult call(String toolName, Map<String, Object> arguments) {
        if (!(state.get() instanceof State.Up up)) {
            return new CallResult(CallOutcome.UNAVAILABLE,
                    "error: the MCP server '" + name() + "' is not available (" + health() + ")");
        }
        Optional<ExposedTool> tool = up.session().catalog().find(toolName);
        if (tool.isEmpty()) {
            return new CallResult(CallOutcome.UNKNOWN_TOOL,
                    "error: the MCP server '" + name() + "' has no tool named '" + toolName + "'");
        }
        try {
            McpSchema.CallToolResult result = up.session().client()
                    .callTool(McpSchema.CallToolRequest.builder(tool.get().mcpName()).arguments(arguments).build())
                    .timeout(config.timeouts().call())
                    .block();
            if (result == null) {
                return new CallResult(CallOutcome.ERROR, "error: the MCP server '" + name() + "' sent no result");
            }
            String text = resultText.render(result.content(), structuredJson(result.structuredContent()));
            return Boolean.TRUE.equals(result.isError())
                    ? new CallResult(CallOutcome.ERROR, text.isBlank() ? "error: the tool failed without a message" : text)
                    : new CallResult(CallOutcome.OK, text);
        } catch (RuntimeException e) {
            return failedCall(up, e);
        }
    }

    private CallResult failedCall(State.Up up, RuntimeException failure) {
        Optional<McpError> rpc = Failures.jsonRpcError(failure);
        if (rpc.isPresent()) {
            return new CallResult(CallOutcome.ERROR, resultText.cut("error: " + Failures.describe(failure)));
        }
        if (Failures.isTimeout(failure)) {
            checkHealth();
            return new CallResult(CallOutcome.TIMEOUT, "error: the tool did not answer within "
                    + config.timeouts().call().toMillis() + " ms");
        }
        String reason = Failures.describe(failure);
        LOG.warn("mcp server {}: call failed: {}", name(), reason);
        checkHealth();
        return new CallResult(CallOutcome.UNAVAILABLE, "error: the call to MCP server '" + name() + "' failed: " + reason);
    }

    /** Pings the server in the background when it is up; a failed ping marks it down and reconnects. */
    void checkHealth() {
        if (state.get() instanceof State.Up up) {
            Thread.ofVirtual().name("mcp-ping-" + name()).start(() -> {
                try {
                    up.session().client().ping().timeout(config.timeouts().call()).block();
                } catch (RuntimeException e) {
                    lost(up, "ping failed: " + Failures.describe(e));
                }
            });
        }
    }

    private void attempt() {
        if (state.get() instanceof State.Closed) {
            return;
        }
        Session session;
        try {
            session = opener.open(config, reason -> lostByExit(reason));
        } catch (RuntimeException e) {
            String reason = Failures.describe(e);
            if (state.get() instanceof State.Closed) {
                return;
            }
            state.set(new State.Down(reason));
            firstAttempt.countDown();
            Duration delay = nextDelay;
            nextDelay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            LOG.warn("mcp server {}: down ({}); retrying in {} ms", name(), reason, delay.toMillis());
            schedule(delay);
            return;
        }
        State previous = state.getAndUpdate(current -> current instanceof State.Closed ? current : new State.Up(session));
        if (previous instanceof State.Closed) {
            session.close();
            return;
        }
        nextDelay = initialDelay;
        firstAttempt.countDown();
        LOG.info("mcp server {}: up with {} tools", name(), session.catalog().tools().size());
    }

    /** The process of the current session exited; the session it belonged to is looked up now. */
    private void lostByExit(String reason) {
        if (state.get() instanceof State.Up up) {
            lost(up, reason);
        }
    }

    /** Marks the server down once per lost session and starts reconnecting. */
    private void lost(State.Up up, String reason) {
        if (state.compareAndSet(up, new State.Down(reason))) {
            LOG.warn("mcp server {}: lost ({}); reconnecting", name(), reason);
            Thread.ofVirtual().start(up.session()::close);
            schedule(initialDelay);
        }
    }

    private void schedule(Duration delay) {
        try {
            scheduler.schedule(() -> Thread.ofVirtual().name("mcp-connect-" + name()).start(this::attempt),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("mcp server {}: not reconnecting, the tool loop is closing", name());
        }
    }

    private String structuredJson(Object structured) {
        if (structured == null) {
            return null;
        }
        try {
            return json.writeValueAsString(structured);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(structured);
        }
    }

    /** Stops reconnecting and ends the session (stopping a stdio server's process). */
    @Override
    public void close() {
        State previous = state.getAndSet(new State.Closed());
        if (previous instanceof State.Up up) {
            up.session().close();
        }
        firstAttempt.countDown();
    }
}
