package io.policygateway.kernel.routing;

import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several in-test OpenAI-format upstreams, each configured as its own provider of type
 * {@code openai} (named {@code a}, {@code b}, …), for routing tests. By default each answers every
 * request with a completion whose text names it ({@code "from a"}) and records when it was asked.
 */
public final class UpstreamFleet implements AutoCloseable {
    private final Map<String, FakeUpstream> upstreams;
    private final Map<String, List<Long>> arrivals;

    private UpstreamFleet(Map<String, FakeUpstream> upstreams, Map<String, List<Long>> arrivals) {
        this.upstreams = upstreams;
        this.arrivals = arrivals;
    }

    public static UpstreamFleet start(String... names) throws Exception {
        Map<String, FakeUpstream> upstreams = new LinkedHashMap<>();
        Map<String, List<Long>> arrivals = new LinkedHashMap<>();
        for (String name : names) {
            List<Long> times = new CopyOnWriteArrayList<>();
            FakeUpstream upstream = FakeUpstream.start();
            upstreams.put(name, upstream);
            arrivals.put(name, times);
            answerAlways(upstream, name);
        }
        return new UpstreamFleet(upstreams, arrivals);
    }

    private static void answerAlways(FakeUpstream upstream, String name) {
        upstream.otherwise(request -> completion(name));
    }

    /** A completion whose text is {@code from <name>}. */
    public static Reply completion(String name) {
        return Reply.status(200, OpenAiWire.completion("gpt-4o-mini", "from " + name, 10, 2));
    }

    public FakeUpstream upstream(String name) {
        FakeUpstream upstream = upstreams.get(name);
        if (upstream == null) {
            throw new IllegalArgumentException("no upstream " + name);
        }
        return upstream;
    }

    /** How many requests {@code name} received. */
    public int calls(String name) {
        return upstream(name).received().size();
    }

    /**
     * Makes {@code name} answer every request not otherwise queued with {@code reply}, noting the
     * {@link System#nanoTime()} of each arrival (see {@link #arrivals}).
     */
    public UpstreamFleet always(String name, Reply reply) {
        List<Long> times = arrivals.get(name);
        upstream(name).otherwise(request -> {
            times.add(System.nanoTime());
            return reply;
        });
        return this;
    }

    /** Arrival times of the requests answered by {@link #always}. */
    public List<Long> arrivals(String name) {
        return List.copyOf(arrivals.get(name));
    }

    /** The {@code providers:} section: each upstream as an {@code openai}-type provider under its name. */
    public String providersYaml() {
        StringBuilder yaml = new StringBuilder("providers:\n");
        upstreams.forEach((name, upstream) -> yaml.append("  ").append(name).append(": { type: openai, base_url: \"")
                .append(upstream.baseUrl()).append("/v1\", api_key: test-upstream-key }\n"));
        return yaml.toString();
    }

    /** A base URL on which nothing listens (connection refused). */
    public static String unreachableBaseUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return "http://127.0.0.1:" + port + "/v1";
    }

    @Override
    public void close() throws Exception {
        for (FakeUpstream upstream : upstreams.values()) {
            upstream.close();
        }
    }
}
