package io.policygateway.plugins.secretscan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds credentials in text. Immutable and thread-safe: build one at configuration time (that is
 * when the patterns are compiled) and share it.
 *
 * <p>Rules propose candidates with a confidence; where candidates overlap, the most confident wins
 * (then the longest), so a GitHub token inside a clone URL is reported as {@code github_token}, a
 * JWT assigned to {@code access_token} as {@code jwt}, and spans never overlap.
 */
public final class SecretDetector {
    private static final List<Rule> RULES = List.of(new VendorTokenRule(), new PrivateKeyRule(), new JwtRule(),
            new CredentialUrlRule(), new CredentialAssignmentRule(), new KubernetesSecretRule());
    private static final Comparator<Rule.Candidate> STRONGEST_FIRST = Comparator
            .comparingDouble(Rule.Candidate::confidence).reversed()
            .thenComparing(Comparator.comparingInt((Rule.Candidate candidate) -> candidate.end() - candidate.start()).reversed())
            .thenComparingInt(Rule.Candidate::start);

    private final Set<SecretType> types;

    /** A detector reporting only the given types. */
    public SecretDetector(Set<SecretType> types) {
        this.types = Set.copyOf(types);
    }

    /** A detector for every type. */
    public static SecretDetector allTypes() {
        return new SecretDetector(EnumSet.allOf(SecretType.class));
    }

    public Set<SecretType> types() {
        return types;
    }

    /** The credentials in {@code text}, sorted by position, never overlapping. */
    public List<SecretSpan> detect(String text) {
        List<Rule.Candidate> candidates = new ArrayList<>();
        for (Rule rule : RULES) {
            rule.find(text, candidates);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(STRONGEST_FIRST);
        List<SecretSpan> chosen = new ArrayList<>();
        for (Rule.Candidate candidate : candidates) {
            if (chosen.stream().noneMatch(span -> span.start() < candidate.end() && candidate.start() < span.end())) {
                chosen.add(new SecretSpan(candidate.type(), candidate.start(), candidate.end()));
            }
        }
        chosen.removeIf(span -> !types.contains(span.type()));
        chosen.sort(Comparator.comparingInt(SecretSpan::start));
        return List.copyOf(chosen);
    }
}
