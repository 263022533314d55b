package io.policygateway.plugins.piiredact;

import java.util.Locale;
import java.util.Optional;

/** The kinds of personal data the detector knows. */
public enum PiiType {
    EMAIL("email", "EMAIL"),
    PHONE("phone", "PHONE"),
    SSN("ssn", "SSN"),
    CREDIT_CARD("credit_card", "CREDIT_CARD"),
    IBAN("iban", "IBAN"),
    IP_ADDRESS("ip_address", "IP_ADDRESS"),
    NAME("name", "NAME"),
    ADDRESS("address", "ADDRESS");

    private final String id;
    private final String label;

    PiiType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The type name in spans, verdict details and the evaluation files, e.g. {@code credit_card}. */
    public String id() {
        return id;
    }

    /** The placeholder label, e.g. {@code CREDIT_CARD} in {@code [CREDIT_CARD_1]}. */
    public String label() {
        return label;
    }

    /** Whether the type is off unless asked for (names and addresses are heuristic). */
    public boolean optional() {
        return this == NAME || this == ADDRESS;
    }

    /**
     * The type a config category names. Accepts the id, its hyphenated form ({@code credit-card},
     * as in seed 003's example) and a few common aliases ({@code person}, {@code ip}, {@code card}).
     */
    public static Optional<PiiType> fromCategory(String category) {
        String name = category.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(switch (name) {
            case "email", "email_address" -> EMAIL;
            case "phone", "phone_number", "telephone" -> PHONE;
            case "ssn", "us_ssn" -> SSN;
            case "credit_card", "creditcard", "card", "card_number" -> CREDIT_CARD;
            case "iban", "iban_code" -> IBAN;
            case "ip_address", "ip", "ipv4", "ipv6" -> IP_ADDRESS;
            case "name", "person", "person_name" -> NAME;
            case "address", "street_address" -> ADDRESS;
            default -> null;
        });
    }
}
