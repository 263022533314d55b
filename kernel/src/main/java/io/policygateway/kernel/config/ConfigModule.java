package io.policygateway.kernel.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;

/** Jackson bindings for config notations, so a bad value is reported at its own path. */
final class ConfigModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    ConfigModule() {
        super("policy-gateway-config");
        addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken().isNumeric()) {
                    return Duration.ofMillis(parser.getLongValue());
                }
                String text = parser.getValueAsString();
                try {
                    return ConfigValues.duration(text);
                } catch (IllegalArgumentException e) {
                    throw context.weirdStringException(text, Duration.class, e.getMessage());
                }
            }
        });
        addDeserializer(ByteSize.class, new JsonDeserializer<>() {
            @Override
            public ByteSize deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                try {
                    return ByteSize.parse(text);
                } catch (IllegalArgumentException e) {
                    throw context.weirdStringException(text, ByteSize.class, e.getMessage());
                }
            }
        });
    }
}
