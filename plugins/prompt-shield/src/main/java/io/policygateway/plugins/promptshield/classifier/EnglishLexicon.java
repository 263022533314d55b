package io.policygateway.plugins.promptshield.classifier;

import java.util.List;
import java.util.stream.Stream;

/**
 * English word classes the rules are written in. Lists hold inflected forms explicitly (no
 * stemming), lower-case, as {@link PhrasePatternBuilder} expects.
 */
final class EnglishLexicon {
    private EnglishLexicon() {
    }

    /** Verbs that set instructions aside. */
    static final List<String> OVERRIDE_VERBS = List.of(
            "ignore", "ignoring", "disregard", "disregarding", "forget", "forgetting", "override", "overriding",
            "bypass", "bypassing", "neglect", "discard", "discarding", "abandon", "dismiss", "set aside", "throw out",
            "throw away", "pay no attention to", "put aside", "circumvent", "evade", "nullify", "ditch", "disobey",
            "defy", "unlearn", "break free of", "break free from", "free yourself from", "overwrite");

    /** Words that may sit between an override verb and what it overrides. */
    static final List<String> INSTRUCTION_MODIFIERS = List.of(
            "all", "any", "every", "each", "of", "the", "your", "these", "those", "its", "such", "that",
            "previous", "previously", "prior", "above", "earlier", "preceding", "foregoing", "former", "past", "old",
            "initial", "original", "first", "existing", "current", "given", "default", "built-in", "system",
            "safety", "security", "content", "ethical", "moral", "core", "internal", "hidden", "secret",
            "preset", "programmed", "pre-programmed", "developer", "developer's", "operator", "operator's",
            "openai", "openai's", "anthropic", "anthropic's", "model", "assistant", "base", "standard", "usual",
            "normal", "other", "remaining", "set", "specific", "configured", "assigned", "provided", "earlier",
            "aforementioned", "stated", "above-mentioned", "prior-mentioned", "original", "underlying", "strict",
            "restrictive", "annoying", "pesky", "boring", "stupid", "silly", "ai", "and", "or", "whole", "entire",
            "many", "most", "some", "still", "same", "very", "own", "official", "basic", "fundamental");

    /** Qualifiers that point at the operator's instructions rather than anything else. */
    static final List<String> PRIOR_QUALIFIERS = List.of(
            "your", "all", "previous", "previously", "prior", "above", "earlier", "preceding", "foregoing",
            "initial", "original", "system", "safety", "existing", "former", "old", "default", "built-in",
            "programmed", "pre-programmed", "developer", "developer's", "operator", "operator's", "openai",
            "openai's", "anthropic", "anthropic's", "underlying", "ethical", "moral", "content", "core",
            "hidden", "secret", "internal", "preset", "aforementioned", "above-mentioned", "every", "any", "moderation",
            "usage", "community", "platform", "company", "company's", "filtering", "security", "privacy", "earlier");

    /** What gets overridden: instructions and their synonyms. */
    static final List<String> INSTRUCTION_NOUNS = List.of(
            "instructions", "instruction", "directives", "directive", "guidelines", "guideline", "prompt", "prompts",
            "programming", "guardrails", "guardrail", "system prompt", "system message", "preprompt", "pre-prompt",
            "rules", "rule", "policies", "restrictions", "constraints", "safeguards", "training", "protocols", "orders",
            "conditioning", "principles", "ethics", "morals", "content policy", "content policies", "usage policies",
            "safety measures", "safety rules", "safety guidelines", "briefing", "mandate", "instructs", "guidance",
            "rulebook", "rule set", "ruleset", "commandments", "playbook", "script", "brief");

    /** Restrictions that a jailbreak claims to remove. */
    static final List<String> RESTRICTION_NOUNS = List.of(
            "restrictions", "restriction", "rules", "filters", "filter", "limits", "limitations", "guidelines",
            "censorship", "constraints", "guardrails", "boundaries", "policies", "policy", "ethics", "morals",
            "morality", "safeguards", "programming", "alignment", "content policy", "content policies",
            "usage policies", "moderation", "refusals", "principles", "inhibitions", "scruples", "obligations",
            "conscience", "safety", "safety measures", "safety filters", "restraints", "regulations", "laws",
            "ethical guidelines", "moral guidelines", "ethical constraints", "content restrictions");

    /** Verbs that ask for hidden text to be shown. */
    static final List<String> REVEAL_VERBS = List.of(
            "reveal", "show", "print", "display", "output", "repeat", "tell", "give", "share", "leak", "dump",
            "recite", "echo", "spell out", "paste", "copy", "expose", "disclose", "provide", "reproduce", "quote",
            "divulge", "let me see", "unveil", "read out", "write out", "type out", "print out", "hand over",
            "copy out", "spit out", "cough up", "pass along");

    /** Verbs that ask for hidden text to be transformed, which shows it just the same. */
    static final List<String> TRANSFORM_VERBS = List.of(
            "translate", "encode", "convert", "format", "put", "summarize", "summarise", "describe", "explain",
            "write", "type", "include", "insert", "append", "post", "render", "send", "return", "state", "list",
            "read", "paraphrase", "rewrite", "base64", "reverse", "spell", "wrap", "place", "rephrase", "restate");

    /** What an extraction asks for, unmistakably the operator's text. */
    static final List<String> PROMPT_NOUNS = List.of(
            "prompt", "prompts", "system prompt", "system message", "instructions", "instruction", "directives",
            "initial prompt", "preprompt", "pre-prompt", "configuration", "config", "programming",
            "hidden message", "system instructions", "meta prompt", "metaprompt", "developer message", "prompt text",
            "first message", "initial message", "opening message", "system text", "training instructions",
            "initial instructions", "original instructions", "hidden instructions", "secret instructions",
            "custom instructions", "internal instructions", "operating instructions", "instruction set",
            "context window", "full context", "entire context", "conversation context", "initial context");

    /** What an extraction may ask for, but also what a customer asks a support bot about. */
    static final List<String> SOFT_PROMPT_NOUNS = List.of(
            "rules", "guidelines", "policies", "context", "setup", "persona", "brief", "briefing", "constraints",
            "restrictions", "directions", "orders", "internal rules", "secret rules", "hidden rules");

    /** Qualifiers that mark the operator's hidden text. */
    static final List<String> HIDDEN_QUALIFIERS = List.of(
            "system", "hidden", "secret", "internal", "confidential", "underlying", "preset", "operator",
            "operator's", "developer", "developer's", "private", "concealed", "invisible", "backend", "behind-the-scenes",
            "pre-loaded", "preloaded", "baked-in", "built-in", "hard-coded", "hardcoded", "master", "root");

    /** Words that may sit between a reveal verb and what it reveals. */
    static final List<String> REVEAL_FILLERS = List.of(
            "me", "us", "back", "out", "here", "now", "verbatim", "exactly", "all", "of", "full", "entire",
            "complete", "whole", "the", "everything", "in", "contents", "content", "text", "word", "for",
            "precise", "exact", "raw", "original", "initial", "first", "starting", "actual", "real", "true",
            "current", "above", "previous", "prior", "earlier", "literal", "unedited", "unabridged", "again",
            "please", "quickly", "just", "what", "is", "are", "were", "was", "written", "a", "copy", "summary",
            "version", "any", "remaining", "rest", "hidden", "secret", "system", "internal", "confidential");

    /** Ways of naming the model as the one addressed. */
    static final List<String> MODEL_NAMES = List.of(
            "ai", "assistant", "assistants", "llm", "llms", "model", "models", "language model",
            "language models", "large language model", "chatbot", "chatbots", "bot", "bots", "agent", "agents",
            "gpt", "chatgpt", "claude", "gemini", "copilot", "llama", "mistral", "ai system", "ai systems",
            "ai model", "ai models", "ai assistant", "ai assistants", "ai agent", "ai agents", "virtual assistant",
            "summarizer", "summariser", "automated system", "automated agent", "automated reader", "machine");

    /** Names for the model as it is addressed in other languages ("Assistant IA :", "KI,"). */
    static final List<String> FOREIGN_MODEL_NAMES = List.of("ia", "assistant ia", "assistante ia", "ki",
            "ki-assistent", "asistente", "asistente de ia", "assistente", "assistente de ia", "modelo", "modèle",
            "modello", "modello linguistico", "sprachmodell", "ассистент", "нейросеть", "ии", "бот");

    /** Second person, the model being addressed. */
    static final List<String> SECOND_PERSON = List.of("you", "your", "yours", "yourself", "u", "ur", "you're",
            "youre", "you'll", "you've");

    static List<String> join(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).distinct().toList();
    }
}
