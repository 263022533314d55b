package io.policygateway.plugins.secretscan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a Kubernetes {@code Secret} manifest in YAML: every entry under {@code data:}
 * (base64) and {@code stringData:} (plain) is secret material, whatever its key is called
 * ({@code username}, {@code tls.key}, {@code db-url}). Reported as generic secrets; placeholders and
 * references are skipped like everywhere else.
 */
final class KubernetesSecretRule implements Rule {
    private static final Pattern SECRET_KIND = Pattern.compile("(?m)^[ \\t]*kind:[ \\t]*[\"']?Secret[\"']?[ \\t]*$");
    private static final Pattern DATA_SECTION = Pattern.compile("(?m)^([ \\t]*)(data|stringData):[ \\t]*$");
    private static final Pattern ENTRY = Pattern.compile("(?m)^([ \\t]+)[\"']?[A-Za-z0-9_.\\-]+[\"']?:[ \\t]*[\"']?([^\\s\"'#]+)[\"']?[ \\t]*$");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    @Override
    public void find(String text, List<Candidate> out) {
        if (!text.contains("Secret") || !SECRET_KIND.matcher(text).find()) {
            return;
        }
        Matcher section = DATA_SECTION.matcher(text);
        while (section.find()) {
            boolean encoded = section.group(2).equals("data");
            int sectionIndent = section.group(1).length();
            Matcher entry = ENTRY.matcher(text).region(section.end(), text.length());
            int expected = section.end() + 1;
            while (entry.find() && entry.start() <= expected && entry.group(1).length() > sectionIndent) {
                String value = entry.group(2);
                boolean plausible = encoded ? value.length() >= 4 && BASE64.matcher(value).matches() : value.length() >= 4;
                if (plausible && !SecretValues.isPlaceholder(value) && !SecretValues.isReference(value)) {
                    out.add(new Candidate(SecretType.GENERIC_SECRET, entry.start(2), entry.end(2), 0.55));
                }
                expected = entry.end() + 1;
            }
        }
    }
}
