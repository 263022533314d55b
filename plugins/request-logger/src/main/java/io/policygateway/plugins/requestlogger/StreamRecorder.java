package io.policygateway.plugins.requestlogger;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.guardrail.StreamGuard;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Watches one streamed answer for the request log: releases every delta at once (it never holds
 * text back or objects), keeps up to {@code keepChars} characters of the text, and hands the text
 * to {@code finished} once, when the stream ends cleanly. A stream that fails is recorded by
 * {@code on_error} instead. Not thread-safe, like every stream guard.
 */
final class StreamRecorder implements StreamGuard {
    private final int keepChars;
    private final Consumer<String> finished;
    private final StringBuilder text = new StringBuilder();
    private boolean recorded;

    /**
     * @param keepChars how much of the text to keep; 0 when bodies are not logged
     * @param finished receives the kept text when the stream ends
     */
    StreamRecorder(int keepChars, Consumer<String> finished) {
        this.keepChars = keepChars;
        this.finished = requireNonNull(finished, "finished is null");
    }

    @Override
    public Step onText(String delta) {
        if (text.length() < keepChars) {
            text.append(delta, 0, Math.min(delta.length(), keepChars - text.length()));
        }
        return new Step(delta, Optional.empty());
    }

    @Override
    public Step finish() {
        if (!recorded) {
            recorded = true;
            finished.accept(text.toString());
        }
        return new Step("", Optional.empty());
    }
}
