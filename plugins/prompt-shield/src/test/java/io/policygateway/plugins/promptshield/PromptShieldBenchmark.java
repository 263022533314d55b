package io.policygateway.plugins.promptshield;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.plugins.promptshield.classifier.InjectionClassifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * A bounded-loop benchmark of prompt-shield's whole before-request hook on a chat request whose user
 * message is about 1,000 tokens (about 750 English words). Run from the module folder after
 * {@code mvn test-compile}:
 * {@code java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.policygateway.plugins.promptshield.PromptShieldBenchmark}
 * or through {@link PromptShieldCostTest}, which runs a shorter loop on every build.
 */
public final class PromptShieldBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** About 750 words of ordinary text: a pasted project update with a question, code and a list. */
    static final String THOUSAND_TOKEN_PROMPT = String.join("\n\n",
            "Hi! I'm preparing the quarterly engineering update for our leadership team and I'd like your help turning "
                    + "my rough notes into a clear, well-structured summary. The audience is non-technical, so please "
                    + "avoid jargon where you can, but keep the numbers exact. Here are the notes from the last three "
                    + "months, copied from our internal wiki page and a couple of Slack threads.",
            "Platform: we migrated the billing service from the old monolith to its own deployment. The migration took "
                    + "six weeks instead of the planned four because the legacy database schema had several columns "
                    + "with inconsistent types, and we had to write a backfill job that ran overnight for nine days. "
                    + "Error rates after the cutover dropped from 0.8% to 0.1% of requests, and the p95 latency of "
                    + "invoice generation went from 2.4 seconds to 380 milliseconds. We kept the old path behind a "
                    + "feature flag for two weeks and removed it on the 14th.",
            "Mobile: the team shipped version 5.2 of the iOS and Android apps with offline mode for saved articles, "
                    + "a redesigned settings screen and support for larger accessibility font sizes. Crash-free sessions "
                    + "are at 99.7% on iOS and 99.4% on Android. App store ratings moved from 4.3 to 4.5 stars. One "
                    + "regression slipped through: push notifications were delayed for some Android 12 users, fixed in "
                    + "5.2.1 within three days. The root cause was a battery optimisation setting that the new background "
                    + "scheduler did not request an exemption from.",
            "Data: we finished the move from nightly batch exports to a streaming pipeline. Dashboards now refresh "
                    + "within five minutes instead of the next morning. The analytics team retired eleven legacy reports "
                    + "and consolidated them into three. Storage costs went up by about 12% because we keep raw events "
                    + "for 30 days now, but compute costs fell by 20%, so the net effect is a small saving. We also "
                    + "started tagging every table with an owner, and 85% of tables have one so far.",
            "Security and reliability: we rotated all service credentials, turned on mandatory two-factor "
                    + "authentication for the admin console, and ran our first game day where we simulated the loss of "
                    + "a whole availability zone. Recovery took 41 minutes against a target of 30; the slowest step was "
                    + "promoting the read replica, which needed a manual approval that we have since automated. There "
                    + "were two incidents rated severity two: a certificate expiry on an internal endpoint and a bad "
                    + "configuration push that disabled search for 18 minutes.",
            "People: two engineers joined the platform team, one left the mobile team, and we hired our first "
                    + "dedicated technical writer, who has already rewritten the onboarding guide. Engagement survey "
                    + "scores for the department were 7.9 out of 10, slightly up from 7.6, with on-call load still the "
                    + "most common complaint. We are piloting a follow-the-sun rotation with the Lisbon office next "
                    + "quarter to reduce night pages.",
            "Next quarter we plan to: finish splitting the notifications service out of the monolith; add end-to-end "
                    + "tests for the checkout flow, which currently has only unit tests; reduce the Android cold start "
                    + "time below 1.5 seconds; and publish an internal status page. We also want to evaluate whether a "
                    + "managed queue service would be cheaper than running our own cluster, which costs roughly "
                    + "$4,200 a month including the time the platform team spends on upgrades.",
            "Here is a snippet from the backfill job in case it helps you explain the delay:\n\n"
                    + "```python\nfor batch in read_batches(source, size=10_000):\n    rows = [normalise(row) for row in batch]\n"
                    + "    write(target, rows)\n    checkpoint(batch.last_id)\n```",
            "Could you turn this into a one-page summary with a short headline for each area, three to five bullet "
                    + "points per area, and a closing paragraph on risks for next quarter? Please also suggest two "
                    + "charts we could include, and tell me if anything in the notes looks inconsistent, for example "
                    + "numbers that do not add up. Thanks a lot!");

    private PromptShieldBenchmark() {
    }

    public static void main(String[] args) {
        Result result = run(Integer.parseInt(args.length > 0 ? args[0] : "20000"), Integer.parseInt(args.length > 1 ? args[1] : "50000"));
        System.out.println(result);
    }

    /** Times {@code measured} calls after {@code warmup} calls; every loop is bounded. */
    static Result run(int warmup, int measured) {
        PromptShieldConfig config = PromptShieldConfig.from(PluginConfig.empty("plugins[0].config"));
        PromptShieldGuardrail guardrail = new PromptShieldGuardrail(config, InjectionClassifier.create(config.families()));
        GuardrailRequest request = request(THOUSAND_TOKEN_PROMPT);
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += guardrail.beforeRequest(request).reasonCode().length();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[measured];
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            sink += guardrail.beforeRequest(request).reasonCode().length();
            nanos[i] = System.nanoTime() - start;
        }
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / measured;
        Arrays.sort(nanos);
        return new Result(THOUSAND_TOKEN_PROMPT.length(), THOUSAND_TOKEN_PROMPT.split("\\s+").length, measured,
                cpuMicros, nanos[measured / 2] / 1000.0, nanos[(int) (measured * 0.99)] / 1000.0, sink);
    }

    static GuardrailRequest request(String userText) {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
        body.putArray("messages")
                .add(JSON.createObjectNode().put("role", "system").put("content", "You are a helpful writing assistant."))
                .add(JSON.createObjectNode().put("role", "user").put("content", userText));
        return new GuardrailRequest(PolicyContext.anonymous("bench"), WireFormat.OPENAI_CHAT, "gpt-4o-mini", body);
    }

    /**
     * Timings in microseconds per request: CPU time of the measuring thread (robust when other processes
     * share the cores) and wall-clock median and 99th percentile.
     */
    record Result(int characters, int words, int calls, double cpuMicros, double medianMicros, double p99Micros,
            long sink) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "prompt-shield before_request on a %d-character (%d-word, ~1,000-token) prompt: "
                    + "%.1f µs CPU per request; wall clock median %.1f µs, p99 %.1f µs over %d calls", characters, words,
                    cpuMicros, medianMicros, p99Micros, calls);
        }
    }
}
