package io.policygateway.plugins.responsecache;

import io.policygateway.api.guardrail.GuardrailRequest;
import java.util.Locale;

/**
 * The caller's {@code Cache-Control} request directives that the cache honours.
 *
 * @param noCache do not answer from the cache (a fresh answer is still stored)
 * @param noStore neither answer from nor store in the cache
 */
record CacheControl(boolean noCache, boolean noStore) {
    private static final CacheControl NONE = new CacheControl(false, false);

    static CacheControl of(GuardrailRequest request) {
        String header = request.context().headers().get("cache-control");
        if (header == null || header.isBlank()) {
            return NONE;
        }
        boolean noCache = false;
        boolean noStore = false;
        for (String directive : header.toLowerCase(Locale.ROOT).split(",")) {
            switch (directive.trim()) {
                case "no-cache" -> noCache = true;
                case "no-store" -> noStore = true;
                default -> {
                }
            }
        }
        return new CacheControl(noCache, noStore);
    }
}
