package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.routing.TargetView.BreakerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one request's attempts, to explain a failure: each target tried, its status or
 * error and how long it took, and the targets skipped because their breaker was open. Confined to
 * the request's thread.
 */
public final class AttemptHistory {
    private static final int DETAIL_LIMIT = 160;

    private final String route;
    private final List<Entry> entries = new ArrayList<>();

    public AttemptHistory(String route) {
        this.route = requireNonNull(route, "route is null");
    }

    /**
     * One failed attempt, or a skipped target ({@code failure} empty; {@code breaker} its state,
     * {@code retryIn} its remaining cooldown).
     */
    private record Entry(String target, Optional<GatewayException> failure, long millis, BreakerState breaker, Duration retryIn) {
    }

    public void failed(String target, GatewayException failure, long millis) {
        entries.add(new Entry(target, Optional.of(failure), millis, BreakerState.CLOSED, Duration.ZERO));
    }

    /** The target was not tried: its breaker is open, or half-open with its probe already in flight. */
    public void skipped(String target, CircuitBreaker.Snapshot breaker) {
        entries.add(new Entry(target, Optional.empty(), 0, breaker.state(), breaker.retryIn()));
    }

    /**
     * The error for the caller once every planned target failed or was skipped. A single attempt
     * with nothing skipped keeps its own error (as without routing); otherwise the message lists
     * every attempt. Status: 504 when every attempt timed out, 429 (with the shortest
     * {@code Retry-After}) when every attempt was rate limited, 503 when no target could be tried
     * (breakers open), else 502.
     */
    public GatewayException failure() {
        List<GatewayException> failures = entries.stream().flatMap(entry -> entry.failure().stream()).toList();
        if (failures.size() == 1 && entries.size() == 1) {
            return failures.get(0);
        }
        StringBuilder message = new StringBuilder();
        if (failures.isEmpty()) {
            message.append("No target of route '").append(route).append("' is available: ");
        } else {
            message.append("No target of route '").append(route).append("' could answer (").append(failures.size())
                    .append(failures.size() == 1 ? " attempt" : " attempts").append("): ");
        }
        for (int i = 0; i < entries.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(describe(entries.get(i)));
        }
        ErrorCategory category = category(failures);
        Optional<Duration> retryAfter = switch (category) {
            case RATE_LIMITED -> failures.stream().flatMap(failure -> failure.retryAfter().stream()).min(Duration::compareTo);
            case UNAVAILABLE -> entries.stream().map(Entry::retryIn).filter(delay -> !delay.isZero()).min(Duration::compareTo);
            default -> Optional.empty();
        };
        int lastStatus = failures.isEmpty() ? 0 : failures.get(failures.size() - 1).upstreamStatus();
        return new GatewayException(category, message.toString(), null, null, lastStatus, retryAfter.orElse(null), null);
    }

    /** How many attempts were made (skipped targets excluded). */
    public int attempts() {
        return (int) entries.stream().filter(entry -> entry.failure().isPresent()).count();
    }

    private static ErrorCategory category(List<GatewayException> failures) {
        if (failures.isEmpty()) {
            return ErrorCategory.UNAVAILABLE;
        }
        if (failures.stream().allMatch(failure -> failure.category() == ErrorCategory.UPSTREAM_TIMEOUT)) {
            return ErrorCategory.UPSTREAM_TIMEOUT;
        }
        if (failures.stream().allMatch(failure -> failure.category() == ErrorCategory.RATE_LIMITED)) {
            return ErrorCategory.RATE_LIMITED;
        }
        return ErrorCategory.UPSTREAM;
    }

    private static String describe(Entry entry) {
        if (entry.failure().isEmpty()) {
            if (entry.breaker() == BreakerState.HALF_OPEN) {
                return entry.target() + ": skipped, circuit breaker half-open (another request is probing it)";
            }
            long seconds = (entry.retryIn().toMillis() + 999) / 1000;
            return entry.target() + ": skipped, circuit breaker open" + (seconds > 0 ? " (retry in " + seconds + " s)" : "");
        }
        GatewayException failure = entry.failure().get();
        String detail;
        if (failure.upstreamStatus() > 0) {
            detail = "HTTP " + failure.upstreamStatus();
        } else if (failure.category() == ErrorCategory.UPSTREAM_TIMEOUT) {
            detail = "timed out";
        } else {
            String text = failure.getMessage();
            detail = text.length() > DETAIL_LIMIT ? text.substring(0, DETAIL_LIMIT) + "…" : text;
        }
        return entry.target() + ": " + detail + " (" + entry.millis() + " ms)";
    }
}
