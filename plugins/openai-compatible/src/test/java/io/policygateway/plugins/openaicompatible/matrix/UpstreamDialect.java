package io.policygateway.plugins.openaicompatible.matrix;

import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.util.List;

/** A provider's wire format as a fake upstream speaks it: scripted answers and the reading of requests. */
interface UpstreamDialect {

    /** The provider column of the support table. */
    String provider();

    /** The model name a client asks for to reach this provider. */
    String model();

    Reply text(String text, int inputTokens, int outputTokens);

    Reply textStream(List<String> pieces, int inputTokens, int outputTokens);

    Reply toolCall(String name, String argumentsJson);

    Reply toolCallStream(String name, List<String> argumentFragments);

    /** The answer to a JSON-mode request: the JSON value, in whatever form this provider's JSON mode takes. */
    Reply json(String schemaName, String json);

    Reply rateLimited(int retryAfterSeconds);

    UpstreamView view(FakeUpstream.Recorded request) throws IOException;
}
