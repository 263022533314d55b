package io.policygateway.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.routing.RoutingStrategyFactory;
import io.policygateway.api.tool.ToolLoopFactory;
import io.policygateway.kernel.auth.Authenticator;
import io.policygateway.kernel.config.ConfigLoader;
import io.policygateway.kernel.config.GatewayConfig;
import io.policygateway.kernel.config.HealthConfig;
import io.policygateway.kernel.config.LoggingConfig;
import io.policygateway.kernel.config.PluginSystemConfig;
import io.policygateway.kernel.config.ServerConfig;
import io.policygateway.kernel.config.StorageConfig;
import io.policygateway.kernel.pipeline.EventsEndpoint;
import io.policygateway.kernel.policy.Pricing;
import io.policygateway.kernel.store.Database;
import io.policygateway.kernel.store.EventStore;
import io.policygateway.kernel.store.UsageLedger;
import io.policygateway.kernel.event.EventBus;
import io.policygateway.kernel.event.EventFileSink;
import io.policygateway.kernel.http.GatewayServer;
import io.policygateway.kernel.http.JettyUpstreamClient;
import io.policygateway.kernel.log.Logging;
import io.policygateway.kernel.log.SecretMasker;
import io.policygateway.kernel.metrics.GatewayMetrics;
import io.policygateway.kernel.metrics.PrometheusMetrics;
import io.policygateway.kernel.pipeline.AccessLog;
import io.policygateway.kernel.pipeline.ChatEndpoint;
import io.policygateway.kernel.pipeline.Dispatcher;
import io.policygateway.kernel.pipeline.ErrorResponses;
import io.policygateway.kernel.pipeline.HealthEndpoint;
import io.policygateway.kernel.pipeline.MetricsEndpoint;
import io.policygateway.kernel.pipeline.ModelsEndpoint;
import io.policygateway.kernel.pipeline.PassthroughEndpoint;
import io.policygateway.kernel.pipeline.RequestRouter;
import io.policygateway.kernel.pipeline.TranslatedChatEndpoint;
import io.policygateway.kernel.plugin.PluginHost;
import io.policygateway.kernel.pipeline.ReloadEndpoint;
import io.policygateway.kernel.policy.PolicyRuntime;
import io.policygateway.kernel.provider.HealthProbe;
import io.policygateway.kernel.provider.ProviderRegistry;
import io.policygateway.kernel.routing.PriceCatalogue;
import io.policygateway.kernel.routing.RouteTable;
import io.policygateway.kernel.routing.RoutingConfig;
import io.policygateway.kernel.toolloop.ToolLoopStage;
import io.policygateway.kernel.toolloop.ToolLoops;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: config, plugins, providers, pipeline and server, started in that order and
 * stopped in reverse. Several can run in one JVM (tests); nothing here is static.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final PluginHost plugins;
    private final Resources resources;
    private final GatewayServer server;
    private final ProviderRegistry providers;
    private volatile boolean ready;

    private Gateway(GatewayConfig config, PluginHost plugins, Resources resources, GatewayServer server, ProviderRegistry providers) {
        this.config = config;
        this.plugins = plugins;
        this.resources = resources;
        this.server = server;
        this.providers = providers;
    }

    /** Loads config and plugins, then starts listening. Fails with a one-line reason on bad config. */
    public static Gateway start(GatewayOptions options) throws Exception {
        long started = System.nanoTime();
        String version = GatewayVersion.get();
        Function<String, Optional<String>> environment = name -> Optional.ofNullable(options.environment().get(name));
        Path home = options.home().toAbsolutePath().normalize();
        ConfigSource source = ConfigSource.resolve(home, options);

        ObjectNode tree = ConfigLoader.tree(source.text(), source.name(), environment);
        LoggingConfig logging = tree.has("logging") ? ConfigLoader.bind(tree.get("logging"), LoggingConfig.class, source.name(), "logging")
                : LoggingConfig.defaults();
        if (options.configureLogging()) {
            Logging.configure(logging);
        }
        PluginSystemConfig pluginSystem = tree.has("plugin_system")
                ? ConfigLoader.bind(tree.get("plugin_system"), PluginSystemConfig.class, source.name(), "plugin_system")
                : PluginSystemConfig.defaults();
        PluginHost plugins = new PluginHost(home.resolve(pluginSystem.directory()), version, Set.copyOf(pluginSystem.disabled()));
        try {
            plugins.requireLoaded(pluginSystem.required());
            Set<String> pluginKeys = new HashSet<>();
            plugins.extensions(ToolLoopFactory.class, ToolLoopFactory::id).forEach(factory -> {
                pluginKeys.add(factory.configKey());
                pluginKeys.addAll(factory.settingsKeys());
            });
            GatewayConfig config = ConfigLoader.parse(source.text(), source.name(), environment, pluginKeys);
            if (options.port().isPresent()) {
                config = config.withServer(new ServerConfig(config.server().host(), options.port().getAsInt(), config.server().maxBodySize()));
            }
            registerSecrets(options);
            return assemble(config, plugins, options, home, version, environment, started);
        } catch (Exception | Error e) {
            plugins.close();
            throw e;
        }
    }

    private static Gateway assemble(GatewayConfig config, PluginHost plugins, GatewayOptions options, Path home, String version,
            Function<String, Optional<String>> environment, long started) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Clock clock = Clock.systemUTC();
        PrometheusMetrics prometheus = new PrometheusMetrics(true);
        GatewayMetrics metrics = new GatewayMetrics(prometheus);
        Path dataDirectory = Files.createDirectories(home.resolve("data"));
        Resources resources = new Resources();
        try {
            JettyUpstreamClient upstream = resources.add(new JettyUpstreamClient(config.upstream(), version));
            EventBus events = resources.add(new EventBus(prometheus));
            events.addSink(new EventFileSink(home.resolve("logs").resolve("policy-events.log")));
            StorageConfig storage = config.storage() == null ? StorageConfig.defaults()
                    : ConfigLoader.bind(config.storage(), StorageConfig.class, config.source(), "storage");
            SecretMasker.register(storage.postgresPassword());
            HealthConfig health = config.health() == null ? HealthConfig.defaults()
                    : ConfigLoader.bind(config.health(), HealthConfig.class, config.source(), "health");
            Database database = storage.postgresUrl() != null
                    ? new Database(storage.postgresUrl(), storage.postgresUser(), storage.postgresPassword())
                    : Database.sqlite(home.resolve(storage.sqlitePath()));
            UsageLedger ledger = resources.add(new UsageLedger(database, clock));
            EventStore eventStore = new EventStore(database, json);
            events.addSink(eventStore);
            GatewayPluginContext context = new GatewayPluginContext(version, environment, home, dataDirectory, clock, json,
                    upstream, prometheus, events);

            ProviderRegistry providers = ProviderRegistry.create(plugins.extensions(ProviderFactory.class, ProviderFactory::id),
                    config.providers(), config.models().aliases(), context, config.source());
            providers.logSummary();
            ToolLoops toolLoops = resources.add(ToolLoops.create(plugins.extensions(ToolLoopFactory.class, ToolLoopFactory::id),
                    config.extensions(), config.source(), context));
            Authenticator authenticator = new Authenticator(config.auth(), Jwt.verifier(config, json, clock, upstream));
            if (authenticator.devMode()) {
                log.warn("LOCAL DEV MODE: no gateway keys are configured (auth.keys), so requests are NOT authenticated. "
                        + "Run 'bin/policy-gateway keygen' and add the hash under auth.keys before exposing this gateway.");
            }
            ErrorResponses errors = new ErrorResponses(json);
            PriceCatalogue prices = PriceCatalogue.load(config.models(), providers.providers(), config.source());
            RouteTable routeTable = RouteTable.create(RoutingConfig.parse(config.strategy(), config.routes(), config.source()), providers,
                    plugins.extensions(RoutingStrategyFactory.class, RoutingStrategyFactory::id), context, prices, config.source());
            routeTable.logSummary();
            Dispatcher dispatcher = new Dispatcher(providers, routeTable, config.upstream(), metrics, clock);
            if (health.probing()) {
                resources.add(HealthProbe.start(providers, health, metrics, json, clock));
            }
            Pricing pricing = (provider, model, usage) -> prices.price(provider, model).map(price -> java.util.OptionalDouble.of(price.cost(usage)))
                    .orElse(java.util.OptionalDouble.empty());
            PolicyRuntime policies = new PolicyRuntime(Policies.engine(config, plugins, context, ledger, pricing, prometheus, events, clock, home));
            resources.add(policies::close);
            ReloadEndpoint.Reloader reloader = () -> {
                GatewayConfig fresh = Policies.reread(options, home, environment, config, plugins);
                policies.swap(Policies.engine(fresh, plugins, context, ledger, pricing, prometheus, events, clock, home));
                String summary = "plugins: " + fresh.plugins().size() + ", policies: " + (fresh.policies() == null ? 0 : fresh.policies().size())
                        + ", projects: " + (fresh.projects() == null ? 0 : fresh.projects().size()) + " from " + fresh.source();
                log.info("Policies reloaded ({})", summary);
                return summary;
            };
            long maxBody = config.server().maxBodyBytes();
            Gateway[] self = new Gateway[1];
            ChatEndpoint chat = new ChatEndpoint(json, providers, dispatcher, errors, policies, maxBody,
                    new ToolLoopStage(toolLoops, json));
            TranslatedChatEndpoint messages = TranslatedChatEndpoint.messages(json, providers, dispatcher, errors, policies, maxBody);
            TranslatedChatEndpoint responses = TranslatedChatEndpoint.responses(json, providers, dispatcher, errors, policies, maxBody);
            RequestRouter.Builder routes = RequestRouter.builder()
                    .add("POST", "/v1/chat/completions", chat)
                    .add("POST", "/policy/chat/completions", chat)
                    .add("POST", "/policy/v1/chat/completions", chat)
                    .add("POST", "/v1/messages", messages)
                    .add("POST", "/policy/messages", messages)
                    .add("POST", "/policy/v1/messages", messages)
                    .add("POST", "/v1/responses", responses)
                    .add("POST", "/policy/responses", responses)
                    .add("POST", "/policy/v1/responses", responses)
                    .add("POST", "/v1/embeddings", new PassthroughEndpoint(WireFormat.OPENAI_EMBEDDINGS, json, providers, dispatcher, maxBody))
                    .add("POST", "/v1/images/generations", new PassthroughEndpoint(WireFormat.OPENAI_IMAGES, json, providers, dispatcher, maxBody))
                    .add("GET", "/v1/models", new ModelsEndpoint(json, providers, System.currentTimeMillis() / 1000))
                    .add("GET", "/health", new HealthEndpoint(HealthEndpoint.Kind.SUMMARY, json, providers, routeTable, () -> true,
                            toolLoops::health))
                    .add("GET", "/health/live", new HealthEndpoint(HealthEndpoint.Kind.LIVE, json, providers, () -> true))
                    .add("GET", "/health/ready", new HealthEndpoint(HealthEndpoint.Kind.READY, json, providers, () -> self[0] != null && self[0].ready))
                    .add("GET", "/metrics", new MetricsEndpoint(prometheus))
                    .add("GET", "/admin/events", new EventsEndpoint(json, eventStore, authenticator))
                    .add("POST", "/admin/reload", new ReloadEndpoint(json, authenticator, reloader));
            RequestRouter router = routes.build(authenticator, errors, new AccessLog(options.accessLog(), Logging.json(config.logging())), metrics,
                    pricing);

            GatewayServer server = new GatewayServer(config.server(), router);
            server.start();
            resources.add(server::stop);
            Gateway gateway = new Gateway(config, plugins, resources, server, providers);
            self[0] = gateway;
            gateway.ready = true;
            log.info("Policy Gateway {} listening on http://{}:{} (started in {} ms, config {}, storage {})", version, config.server().host(),
                    server.port(), (System.nanoTime() - started) / 1_000_000, config.source(), database.describe());
            return gateway;
        } catch (Exception | Error e) {
            resources.close();
            throw e;
        }
    }

    private static void registerSecrets(GatewayOptions options) {
        options.environment().forEach((name, value) -> {
            if (name.endsWith("_KEY") || name.endsWith("_SECRET") || name.endsWith("_TOKEN") || name.contains("PASSWORD")) {
                SecretMasker.register(value);
            }
        });
    }

    public int port() {
        return server.port();
    }

    public GatewayConfig config() {
        return config;
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** Stops the server first (in-flight requests finish), then everything it used, in reverse order of creation. */
    @Override
    public void close() {
        ready = false;
        resources.close();
        plugins.close();
    }

    /** Where the config text comes from. */
    record ConfigSource(String name, String text) {
        static ConfigSource resolve(Path home, GatewayOptions options) throws java.io.IOException {
            if (options.configText().isPresent()) {
                return new ConfigSource(options.configFile().map(Path::toString).orElse("<inline config>"), options.configText().get());
            }
            if (options.configFile().isPresent()) {
                Path file = options.configFile().get();
                if (!Files.isRegularFile(file)) {
                    throw new io.policygateway.api.ConfigException(file.toString(), "(file)", "does not exist");
                }
                return new ConfigSource(file.toString(), Files.readString(file));
            }
            Path fallback = home.resolve("conf").resolve("gateway.yaml");
            if (Files.isRegularFile(fallback)) {
                return new ConfigSource(fallback.toString(), Files.readString(fallback));
            }
            return new ConfigSource("<built-in defaults>", "");
        }
    }
}
