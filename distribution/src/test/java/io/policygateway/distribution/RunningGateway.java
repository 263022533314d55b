package io.policygateway.distribution;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A gateway process started from the unpacked distribution. {@link #close()} sends it SIGTERM,
 * the signal a service manager sends, and waits a bounded time for it to exit.
 */
final class RunningGateway implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path output;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    RunningGateway(Process process, int port, Path output) {
        this.process = requireNonNull(process, "process is null");
        this.port = port;
        this.output = requireNonNull(output, "output is null");
    }

    Process process() {
        return process;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpClient client() {
        return client;
    }

    /** The process's stdout and stderr so far, for assertion messages. */
    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code GET /health} until it answers 200; fails with the gateway's output if the process exits or time runs out. */
    RunningGateway awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + " before answering /health:\n" + output());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (ConnectException notListeningYet) {
                // still starting
            } catch (IOException e) {
                // the connection was refused or reset while the server started: retry
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the gateway did not answer /health within " + START_TIMEOUT + ":\n" + output());
    }

    /** Sends SIGTERM and waits for the process to exit; returns whether it did within the timeout. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the gateway; kills it (and anything it started) if SIGTERM was not enough. */
    @Override
    public void close() {
        boolean stopped = false;
        try {
            stopped = stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!stopped) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
