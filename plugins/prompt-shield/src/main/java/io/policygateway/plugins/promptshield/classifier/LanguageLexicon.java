package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The words one space-separated language needs for the core attacks, from which
 * {@link MultilingualRules} generates the same rule shapes as in English (verb first and object
 * first, qualifier before or after the noun).
 *
 * @param code BCP-47 code, used as the rule-name prefix ({@code de_override})
 * @param overrideVerbs "ignore", "forget" and their imperative and infinitive forms
 * @param modifiers words that may sit between verb and noun (articles, possessives, "all")
 * @param qualifiers words that point at the operator's instructions ("previous", "your", "system")
 * @param instructionNouns "instructions", "rules" and synonyms
 * @param revealVerbs "show", "reveal", "print"
 * @param revealFillers words between a reveal verb and its object ("me", "please", "full")
 * @param possessives second-person possessives ("your")
 * @param promptNouns "system prompt", "instructions", "configuration"
 * @param systemPromptNouns nouns that name the hidden prompt on their own ("Systemprompt")
 * @param absence "without", "no"
 * @param restrictionNouns "restrictions", "filters", "censorship"
 * @param modeNames "developer mode" and the like
 */
record LanguageLexicon(String code, List<String> overrideVerbs, List<String> modifiers, List<String> qualifiers,
        List<String> instructionNouns, List<String> revealVerbs, List<String> revealFillers, List<String> possessives,
        List<String> promptNouns, List<String> systemPromptNouns, List<String> absence, List<String> restrictionNouns,
        List<String> modeNames) {

    LanguageLexicon {
        requireNonNull(code, "code is null");
        overrideVerbs = List.copyOf(overrideVerbs);
        modifiers = List.copyOf(modifiers);
        qualifiers = List.copyOf(qualifiers);
        instructionNouns = List.copyOf(instructionNouns);
        revealVerbs = List.copyOf(revealVerbs);
        revealFillers = List.copyOf(revealFillers);
        possessives = List.copyOf(possessives);
        promptNouns = List.copyOf(promptNouns);
        systemPromptNouns = List.copyOf(systemPromptNouns);
        absence = List.copyOf(absence);
        restrictionNouns = List.copyOf(restrictionNouns);
        modeNames = List.copyOf(modeNames);
    }
}
