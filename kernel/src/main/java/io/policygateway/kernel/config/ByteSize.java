package io.policygateway.kernel.config;

/** A size in bytes, written in config as {@code 1048576}, {@code 512KiB} or {@code 10MiB}. */
public record ByteSize(long bytes) {
    public ByteSize {
        if (bytes <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
    }

    public static ByteSize parse(String text) {
        return new ByteSize(ConfigValues.bytes(text));
    }
}
