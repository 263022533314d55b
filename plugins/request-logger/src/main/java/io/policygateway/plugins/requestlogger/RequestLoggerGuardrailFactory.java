package io.policygateway.plugins.requestlogger;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * The {@code request-logger} plugin. Config keys and defaults are in {@link RequestLoggerSettings}
 * and the plugin README.
 *
 * <p>Instances writing to the same table of the same database share one {@link RecordWriter}
 * (one queue, one thread, one connection), whichever was configured first; so an instance created
 * per request, for an inline policy, costs no thread.
 */
@Extension
public final class RequestLoggerGuardrailFactory implements GuardrailFactory {
    private final Map<String, RecordWriter> writers = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "request-logger";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.AFTER_REQUEST, Hook.STREAM_CHUNK, Hook.ON_ERROR);
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        RequestLoggerSettings settings = RequestLoggerSettings.from(config, context.dataDirectory());
        LoggerMetrics metrics = new LoggerMetrics(context.metrics());
        RecordWriter writer = writers.computeIfAbsent(settings.destination().url() + "\n" + settings.destination().user().orElse("")
                + "\n" + settings.table(),
                any -> new RecordWriter(settings.destination(), settings.table(), settings.queueCapacity(), settings.batchSize(), metrics));
        return new RequestLoggerGuardrail(settings, writer, context.json(), context.clock());
    }
}
