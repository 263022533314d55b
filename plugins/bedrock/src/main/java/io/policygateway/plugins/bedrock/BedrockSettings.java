package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bedrock provider's settings, bound once at start.
 *
 * @param endpoint the runtime endpoint ({@code https://bedrock-runtime.{region}.amazonaws.com} unless overridden)
 * @param region the signing region
 * @param credentials the AWS credentials; never logged
 * @param models configured models first, then the shipped catalogue
 */
record BedrockSettings(URI endpoint, String region, AwsCredentials credentials, List<String> models) {
    static final String CATALOGUE = "/io/policygateway/plugins/bedrock/models.txt";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    BedrockSettings {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(region, "region is null");
        requireNonNull(credentials, "credentials is null");
        models = List.copyOf(models);
    }

    /** The settings, or the reason the provider stays disabled. */
    record Result(BedrockSettings settings, String reason) {
    }

    static Result load(PluginConfig config, PluginContext context) {
        config.requireOnly("region", "base_url", "models");
        Optional<String> accessKey = nonBlank(context, "AWS_ACCESS_KEY_ID");
        Optional<String> secretKey = nonBlank(context, "AWS_SECRET_ACCESS_KEY");
        Optional<String> region = Optional.ofNullable(config.string("region", null))
                .or(() -> nonBlank(context, "AWS_REGION")).or(() -> nonBlank(context, "AWS_DEFAULT_REGION"));
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            return new Result(null, "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set");
        }
        if (region.isEmpty()) {
            return new Result(null, "no region: set AWS_REGION (or AWS_DEFAULT_REGION, or region: in the config)");
        }
        if (!REGION.matcher(region.get()).matches()) {
            throw config.error("region", "expected an AWS region such as us-east-1, got '" + region.get() + "'");
        }
        String baseUrl = Optional.ofNullable(config.string("base_url", null)).or(() -> nonBlank(context, "BEDROCK_BASE_URL"))
                .orElse("https://bedrock-runtime." + region.get() + ".amazonaws.com").strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        URI endpoint;
        try {
            endpoint = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
        }
        if (endpoint.getHost() == null) {
            throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
        }
        Set<String> models = new LinkedHashSet<>(config.strings("models"));
        models.addAll(catalogue());
        AwsCredentials credentials = new AwsCredentials(accessKey.get(), secretKey.get(), nonBlank(context, "AWS_SESSION_TOKEN"));
        return new Result(new BedrockSettings(endpoint, region.get(), credentials, List.copyOf(models)),
                "AWS credentials are set; calling " + endpoint + " in " + region.get());
    }

    private static Optional<String> nonBlank(PluginContext context, String name) {
        return context.env(name).filter(value -> !value.isBlank());
    }

    private static List<String> catalogue() {
        try (InputStream in = BedrockSettings.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin JAR lacks " + CATALOGUE);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
