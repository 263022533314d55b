package io.policygateway.api.event;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import org.pf4j.ExtensionPoint;

/** Creates a destination for policy events, named in {@code events.sinks[].type}. */
public interface EventSinkFactory extends ExtensionPoint {

    String id();

    EventSink create(PluginConfig config, PluginContext context);
}
