package io.policygateway.plugins.piiredact.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.plugins.maxtoken.MaxTokenGuardrailFactory;
import io.policygateway.plugins.piiredact.PiiRedactGuardrailFactory;
import io.policygateway.plugins.secretscan.SecretScanGuardrailFactory;
import io.policygateway.plugins.wordfilter.WordFilterGuardrailFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the content guardrails on a ~1,000-token chat request, each alone and as the chain
 * word-filter, pii-redact, secret-scan, max-token (prompt-shield, the fifth default, lives in
 * another plugin and is measured there). Guardrails are built through their factories with the
 * configs a user would write: defaults, and 20 banned terms for word-filter. {@code chain} runs
 * on a prompt without findings (the common path); {@code chainWithPii} makes pii-redact rewrite
 * the request. With its default limit, max-token decides from a byte bound without running the
 * tokenizer; {@code maxTokenExact} and {@code chainCountingTokens} set the input limit (1,500)
 * below that bound, so the o200k_base tokenizer really counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContentGuardrailsBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORDS = "{\"words\": [\"darn\", \"heck\", \"blast it\", \"confidential project\", \"internal only\","
            + " \"do not share\", \"nsfw\", \"slur-one\", \"slur-two\", \"slur-three\", \"competitor x\", \"codename falcon\","
            + " \"layoffs\", \"acquisition target\", \"insider\", \"leaked\", \"jailbreak\", \"pirated\", \"crack\", \"warez\"]}";

    private Guardrail wordFilter;
    private Guardrail piiRedact;
    private Guardrail secretScan;
    private Guardrail maxToken;
    private Guardrail maxTokenExact;
    private GuardrailRequest clean;
    private GuardrailRequest withPii;

    @Setup
    public void setUp() throws IOException {
        PluginContext context = new BenchmarkContext();
        wordFilter = create(new WordFilterGuardrailFactory(), WORDS, context);
        piiRedact = create(new PiiRedactGuardrailFactory(), "{}", context);
        secretScan = create(new SecretScanGuardrailFactory(), "{}", context);
        maxToken = create(new MaxTokenGuardrailFactory(), "{}", context);
        maxTokenExact = create(new MaxTokenGuardrailFactory(), "{\"maxInputTokens\": 1500}", context);
        clean = request(BenchmarkPrompt.CLEAN);
        withPii = request(BenchmarkPrompt.WITH_PII);
    }

    @Benchmark
    public Verdict wordFilter() throws GatewayException {
        return wordFilter.beforeRequest(clean);
    }

    @Benchmark
    public Verdict piiRedact() throws GatewayException {
        return piiRedact.beforeRequest(clean);
    }

    @Benchmark
    public Verdict piiRedactRewriting() throws GatewayException {
        return piiRedact.beforeRequest(withPii);
    }

    @Benchmark
    public Verdict secretScan() throws GatewayException {
        return secretScan.beforeRequest(clean);
    }

    @Benchmark
    public Verdict maxToken() throws GatewayException {
        return maxToken.beforeRequest(clean);
    }

    @Benchmark
    public Verdict maxTokenExact() throws GatewayException {
        return maxTokenExact.beforeRequest(clean);
    }

    /** The four in order, as the gateway runs them: each sees the previous one's rewrite. */
    @Benchmark
    public Verdict chain() throws GatewayException {
        return runChain(clean, maxToken);
    }

    @Benchmark
    public Verdict chainWithPii() throws GatewayException {
        return runChain(withPii, maxToken);
    }

    @Benchmark
    public Verdict chainCountingTokens() throws GatewayException {
        return runChain(clean, maxTokenExact);
    }

    private Verdict runChain(GuardrailRequest request, Guardrail tokenLimit) throws GatewayException {
        GuardrailRequest current = request;
        Verdict last = Verdict.allow();
        for (Guardrail guardrail : new Guardrail[] {wordFilter, piiRedact, secretScan, tokenLimit}) {
            last = guardrail.beforeRequest(current);
            if (last.replacement().isPresent()) {
                current = new GuardrailRequest(current.context(), current.clientFormat(), current.model(), last.replacement().get());
            }
        }
        return last;
    }

    static Guardrail create(GuardrailFactory factory, String config, PluginContext context) throws IOException {
        return factory.create(new PluginConfig("benchmark.yaml", "plugins[0].config", (ObjectNode) JSON.readTree(config)), context);
    }

    static GuardrailRequest request(String prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", BenchmarkPrompt.SYSTEM);
        messages.addObject().put("role", "user").put("content", prompt);
        return new GuardrailRequest(PolicyContext.anonymous("bench"), WireFormat.OPENAI_CHAT, "gpt-4o", body);
    }

    /** Enough of a plugin context for the four guardrails: none of them calls upstream or records metrics. */
    static final class BenchmarkContext implements PluginContext {
        @Override
        public String systemVersion() {
            return "0.1.0";
        }

        @Override
        public Optional<String> env(String name) {
            return Optional.empty();
        }

        @Override
        public Path home() {
            return Path.of(".");
        }

        @Override
        public Path dataDirectory() {
            return Path.of("target");
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public ObjectMapper json() {
            return JSON;
        }

        @Override
        public UpstreamClient http() {
            throw new UnsupportedOperationException("not used by content guardrails");
        }

        @Override
        public Metrics metrics() {
            throw new UnsupportedOperationException("not used by content guardrails");
        }

        @Override
        public void emit(PolicyEvent event) {
        }
    }
}
