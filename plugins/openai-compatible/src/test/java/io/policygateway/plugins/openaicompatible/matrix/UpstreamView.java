package io.policygateway.plugins.openaicompatible.matrix;

import java.util.List;

/**
 * What a provider received, read back from its own wire format: enough to check that a feature was
 * translated, whatever the provider.
 */
record UpstreamView(String system, String lastUserText, String toolResult, boolean image, boolean jsonMode, List<String> toolNames) {
}
