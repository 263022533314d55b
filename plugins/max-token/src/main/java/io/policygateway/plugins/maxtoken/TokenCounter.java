package io.policygateway.plugins.maxtoken;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;

/**
 * Counts the input tokens of a chat request the way the model's tokenizer would.
 *
 * <p>OpenAI models are counted exactly with their BPE encoding (jtokkit): {@code o200k_base} for
 * gpt-4o, gpt-4.1, gpt-4.5, gpt-5, the o-series and chatgpt-4o; {@code cl100k_base} for gpt-4,
 * gpt-3.5 and the text-embedding models. Each message adds OpenAI's framing: 3 tokens plus the
 * role, and 3 tokens prime the reply. Other providers' models (Claude, Gemini, Llama, Mistral, ...)
 * publish no local tokenizer; they are approximated as the characters of all texts divided by 4,
 * rounded up, plus the same framing.
 *
 * <p>Encodings are loaded when the counter is built (at configuration time, about half a second
 * for both); counting is thread-safe.
 */
final class TokenCounter {
    /** Tokens OpenAI adds per message (start, role separator, end) and to prime the reply. */
    static final int PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;

    /** How a model's tokens are counted. */
    enum Method {
        O200K_BASE("o200k_base"),
        CL100K_BASE("cl100k_base"),
        APPROXIMATE("approximate (characters / 4)");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One message as counted: its role and its texts. */
    record Message(String role, List<String> texts) {
    }

    private final Encoding o200k;
    private final Encoding cl100k;

    /** Uses the encodings shared by every instance in this plugin (loaded on first use). */
    TokenCounter() {
        this.o200k = SharedEncodings.O200K;
        this.cl100k = SharedEncodings.CL100K;
    }

    /** How the given model's tokens are counted, by model name prefix. */
    static Method methodFor(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        if (name.startsWith("gpt-4o") || name.startsWith("gpt-4.1") || name.startsWith("gpt-4.5") || name.startsWith("gpt-5")
                || name.startsWith("chatgpt-4o") || name.startsWith("gpt-oss") || isOSeries(name)) {
            return Method.O200K_BASE;
        }
        if (name.startsWith("gpt-4") || name.startsWith("gpt-3.5") || name.startsWith("gpt-35")
                || name.startsWith("text-embedding-")) {
            return Method.CL100K_BASE;
        }
        return Method.APPROXIMATE;
    }

    /** o1, o3-mini, o4-mini, ...: "o", a digit, then nothing or a dash. */
    private static boolean isOSeries(String name) {
        return name.length() >= 2 && name.charAt(0) == 'o' && Character.isDigit(name.charAt(1))
                && (name.length() == 2 || name.charAt(2) == '-');
    }

    /** The input tokens of the messages, counted with {@code method}. */
    long count(List<Message> messages, Method method) {
        long tokens = REPLY_PRIMING;
        for (Message message : messages) {
            tokens += PER_MESSAGE + countText(message.role(), method);
            if (method == Method.APPROXIMATE) {
                long characters = 0;
                for (String text : message.texts()) {
                    characters += text.length();
                }
                tokens += (characters + 3) / 4;
            } else {
                for (String text : message.texts()) {
                    tokens += countText(text, method);
                }
            }
        }
        return tokens;
    }

    /**
     * A bound the exact count never exceeds: every BPE token covers at least one UTF-8 byte. When
     * the bound is within the limit, exact counting can be skipped.
     */
    static long upperBound(List<Message> messages, Method method) {
        long tokens = REPLY_PRIMING;
        for (Message message : messages) {
            tokens += PER_MESSAGE + utf8Length(message.role());
            for (String text : message.texts()) {
                tokens += method == Method.APPROXIMATE ? text.length() : utf8Length(text);
            }
        }
        return tokens;
    }

    private long countText(String text, Method method) {
        if (text.isEmpty()) {
            return 0;
        }
        return switch (method) {
            case O200K_BASE -> o200k.countTokensOrdinary(text);
            case CL100K_BASE -> cl100k.countTokensOrdinary(text);
            case APPROXIMATE -> (text.length() + 3) / 4;
        };
    }

    /** The two encodings, loaded once per plugin class loader: they are immutable and thread-safe. */
    private static final class SharedEncodings {
        private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
        static final Encoding O200K = REGISTRY.getEncoding(EncodingType.O200K_BASE);
        static final Encoding CL100K = REGISTRY.getEncoding(EncodingType.CL100K_BASE);
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
