package io.policygateway.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observability files the zip ships stay true to the gateway they come with: the unpacked
 * distribution (real provider and guardrail plugins, the OpenAI provider pointed at a loopback fake)
 * serves a mix of allowed, rewritten, blocked, limited and failed requests; then every metric the
 * Grafana dashboard queries must be in the real {@code /metrics} scrape, and the sample access and
 * policy-event logs must have exactly the fields the gateway writes.
 *
 * <p>{@code -Dsamples.update=true} rewrites {@code src/main/samples/} from this run (rebuild the zip
 * afterwards).
 */
@Timeout(180)
class ObservabilityFilesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:policy_gateway|jvm|process)_[a-z0-9_]+)\\b");
    private static final Pattern EVENT_KEY = Pattern.compile(" ([a-z_]+)=");
    private static final String CONFIG = """
            server: { host: 127.0.0.1 }
            policies:
              - id: support-policy
                version: 3
                rules:
                  - { policyId: add-system-prompt, kind: transformation, stage: request, scope: tenant, transformation: { system_prompt: "You are a helpful support assistant." } }
                  - { policyId: no-secrets, kind: guardrail, stage: both, scope: tenant, guardrail: { type: secret-detection, action: block } }
                  - { policyId: redact-pii, kind: guardrail, stage: both, scope: tenant, guardrail: { type: pii, categories: [email, phone], action: redact } }
                  - { policyId: per-user-rate, kind: rate-limit, stage: request, scope: user, rateLimit: { requestsPerMinute: 2 } }
            projects:
              - { id: support-bot, policy: support-policy, budget: { limit: 50, period: monthly } }
              - { id: batch-jobs, quotas: { requests_per_day: 2 } }
            """;

    @TempDir
    static Path folder;

    static UnpackedDistribution distribution;
    static RunningGateway gateway;
    static FakeOpenAi openAi;
    static String scrape;
    static List<String> accessLines;
    static List<String> eventLines;

    @BeforeAll
    static void serveAMixOfRequests() throws Exception {
        distribution = UnpackedDistribution.unpackInto(folder);
        openAi = FakeOpenAi.start();
        Path config = distribution.home().resolve("conf/observability.yaml");
        Files.writeString(config, CONFIG);
        Map<String, String> environment = new HashMap<>(distribution.cleanEnvironment());
        environment.put("OPENAI_API_KEY", "sk-sample-provider-key-0000");
        environment.put("OPENAI_BASE_URL", openAi.baseUrl());
        gateway = distribution.start(List.of("--config", config.toString()), environment).awaitHealthy();
        try {
            sendTraffic();
            scrape = get("/metrics").body();
        } finally {
            assertTrue(gateway.stop(), "the gateway stops on SIGTERM");
        }
        accessLines = gateway.output().lines().filter(line -> line.contains("\"logger\":\"access\"")).toList();
        eventLines = Files.readAllLines(distribution.home().resolve("logs/policy-events.log"));
        if (Boolean.getBoolean("samples.update")) {
            Path samples = Path.of(System.getProperty("samples.directory"));
            Files.write(samples.resolve("access.log"), accessLines);
            Files.write(samples.resolve("policy-events.log"), eventLines);
        }
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (openAi != null) {
            openAi.close();
        }
    }

    private static void sendTraffic() throws IOException, InterruptedException {
        String[] support = {"x-policy-project", "support-bot", "x-policy-target", "web"};
        expect(200, "/policy/chat/completions", chat("gpt-4o-mini", "How do I reset my password?", false), with(support, "x-policy-user", "user-1001"));
        expect(200, "/policy/chat/completions", chat("gpt-4o-mini", "And how do I change my email address?", true), with(support, "x-policy-user", "user-1001"));
        expect(429, "/policy/chat/completions", chat("gpt-4o-mini", "One more question", false), with(support, "x-policy-user", "user-1001"));
        expect(200, "/policy/chat/completions", chat("gpt-4o-mini", "Please write to jane.doe@example.com about my order", false),
                with(support, "x-policy-user", "user-1002"));
        expect(403, "/policy/chat/completions", chat("gpt-4o-mini", "Why does sk-proj-4f9Qx2LmZ8vTn7Rb3Kw6Yd1Hs5Jc0Pa9Ue2Gi8No not work?", false),
                with(support, "x-policy-user", "user-1003"));
        String[] batch = {"x-policy-project", "batch-jobs", "x-policy-user", "nightly-report"};
        for (int i = 0; i < 3; i++) {
            expect(i < 2 ? 200 : 429, "/policy/chat/completions", chat("gpt-4o-mini", "Summarise ticket batch " + i, false), batch);
        }
        expect(200, "/v1/chat/completions", chat("gpt-4o-mini", "Hello", false));
        expect(502, "/v1/chat/completions", chat(FakeOpenAi.FAILING_MODEL, "Hello", false));
        expect(200, "/v1/messages", "{\"model\":\"gpt-4o-mini\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}",
                "anthropic-version", "2023-06-01");
    }

    @Test
    void everyMetricTheDashboardQueriesIsInTheScrape() throws IOException {
        Path file = distribution.home().resolve("grafana/policy-gateway-dashboard.json");
        assertTrue(Files.isRegularFile(file), "the zip ships grafana/policy-gateway-dashboard.json");
        JsonNode dashboard = JSON.readTree(file.toFile());
        assertEquals("policy-gateway", dashboard.path("uid").asText());
        List<String> queries = new ArrayList<>();
        collectQueries(dashboard, queries);
        assertTrue(queries.size() >= 20, "the dashboard queries the gateway's metrics: " + queries);
        Set<String> panelIds = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(panelIds.add(panel.path("id").asText()), "panel ids are unique: " + panel.path("id"));
            if (!panel.path("type").asText().equals("row")) {
                assertEquals("${datasource}", panel.at("/datasource/uid").asText(), panel.path("title").asText());
                assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            }
        }

        Set<String> exported = exportedNames(scrape);
        Set<String> queried = new TreeSet<>();
        for (String query : queries) {
            Matcher names = METRIC_NAME.matcher(query);
            while (names.find()) {
                queried.add(names.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exported);
        assertTrue(missing.isEmpty(), "the dashboard queries metrics the gateway does not export: " + missing);
        for (String family : List.of("cost_usd", "tokens", "overhead_seconds", "limit_rejections", "policy_decisions", "circuit_breaker_state")) {
            assertTrue(queried.stream().anyMatch(name -> name.contains(family)), "the dashboard shows " + family);
        }
    }

    @Test
    void sampleAccessLogHasTheFieldsTheGatewayWrites() throws IOException {
        List<String> shipped = Files.readAllLines(distribution.home().resolve("samples/access.log"));
        assertTrue(shipped.size() >= 10 && accessLines.size() >= 10, "samples " + shipped.size() + ", this run " + accessLines.size());
        assertEquals(jsonKeys(accessLines), jsonKeys(shipped),
                "samples/access.log is out of date: run this test with -Dsamples.update=true and rebuild");
        assertTrue(accessLines.stream().noneMatch(line -> line.contains("sk-proj-") || line.contains("jane.doe")),
                "no secret or prompt text in the access log: " + accessLines);
    }

    @Test
    void samplePolicyEventLogHasTheFieldsTheGatewayWrites() throws IOException {
        List<String> shipped = Files.readAllLines(distribution.home().resolve("samples/policy-events.log"));
        assertTrue(shipped.size() >= 8 && eventLines.size() >= 8, "samples " + shipped.size() + ", this run " + eventLines.size());
        assertEquals(eventKeys(eventLines), eventKeys(shipped),
                "samples/policy-events.log is out of date: run this test with -Dsamples.update=true and rebuild");
        Set<String> reasonCodes = new TreeSet<>();
        eventLines.forEach(line -> reasonCodes.add(line.replaceAll(".* reason_code=(\\S+).*", "$1")));
        assertTrue(reasonCodes.containsAll(List.of("RATE_LIMITED", "QUOTA_EXCEEDED", "SECRET_DETECTED")), reasonCodes.toString());
    }

    private static void collectQueries(JsonNode node, List<String> queries) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if ((field.getKey().equals("expr") || field.getKey().equals("definition")) && field.getValue().isTextual()) {
                    queries.add(field.getValue().asText());
                } else {
                    collectQueries(field.getValue(), queries);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectQueries(element, queries));
        }
    }

    /**
     * The names a PromQL query can use on this scrape: each family from its {@code # TYPE} line
     * (present even before a labelled metric has a sample), each sample name, and a histogram's
     * {@code _bucket}, {@code _sum} and {@code _count}.
     */
    static Set<String> exportedNames(String text) {
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                names.add(parts[2]);
                if (parts[3].equals("histogram")) {
                    names.addAll(List.of(parts[2] + "_bucket", parts[2] + "_sum", parts[2] + "_count"));
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static Set<String> jsonKeys(List<String> lines) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : lines) {
            JSON.readTree(line).fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static Set<String> eventKeys(List<String> lines) {
        Set<String> keys = new TreeSet<>();
        for (String line : lines) {
            assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z policy_id=.*"), line);
            Matcher key = EVENT_KEY.matcher(line);
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return keys;
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static String chat(String model, String text, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    private static void expect(int status, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = gateway.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + " " + body + " -> " + response.body() + "\n" + gateway.output());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return gateway.client().send(HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
