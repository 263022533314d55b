package io.policygateway.plugins.piiredact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases written for these tests (not taken from the evaluation set), one per format a user relies
 * on, each positive next to the look-alike that must stay untouched.
 */
class PiiDetectorTest {
    private final PiiDetector detector = new PiiDetector(EnumSet.allOf(PiiType.class));

    private List<String> found(String text) {
        return detector.detect(text).stream().map(span -> span.type().id() + "=" + span.valueIn(text)).toList();
    }

    @Test
    void findsEmailAddressesIncludingPlusTagsSubdomainsAndUnicodeDomains() {
        assertEquals(List.of("email=jane.doe+invoices@mail.example.co.uk", "email=jürgen@müller-bau.de"),
                found("cc jane.doe+invoices@mail.example.co.uk and jürgen@müller-bau.de please"));
    }

    @Test
    void findsObfuscatedEmailAddressesAHumanWouldReadAsAddresses() {
        assertEquals(List.of("email=anna.berg [at] example [dot] org"), found("write to anna.berg [at] example [dot] org"));
        assertEquals(List.of("email=kontakt(at)firma.de"), found("Kontakt: kontakt(at)firma.de"));
    }

    @Test
    void ignoresMentionsPackageSpecifiersAndDoubledAtSigns() {
        assertEquals(List.of(), found("ping @alice about lodash@4.17.21 and admin@@intranet"));
    }

    @Test
    void findsPhoneNumbersInInternationalAndNationalFormats() {
        assertEquals(List.of("phone=+33 1 42 68 53 00"), found("Paris: +33 1 42 68 53 00."));
        assertEquals(List.of("phone=+44 (0)20 7946 0958"), found("London +44 (0)20 7946 0958"));
        assertEquals(List.of("phone=(212) 555-0143"), found("office (212) 555-0143"));
        assertEquals(List.of("phone=020 7946 0958"), found("ring 020 7946 0958 today"));
        assertEquals(List.of("phone=030 12345678"), found("Festnetz 030 12345678"));
        assertEquals(List.of("phone=06 12 34 56 78"), found("portable 06 12 34 56 78"));
        assertEquals(List.of("phone=+91 98765 43210"), found("WhatsApp +91 98765 43210"));
    }

    @Test
    void leavesTheExtensionOutOfAPhoneNumber() {
        assertEquals(List.of("phone=415-555-0123"), found("desk 415-555-0123 ext. 45"));
    }

    @Test
    void ignoresEmergencyOrderMeetingIsbnAndTimestampNumbers() {
        assertEquals(List.of(), found("In an emergency call 911 or 112."));
        assertEquals(List.of(), found("order number 4500012345 ships Monday"));
        assertEquals(List.of(), found("Meeting ID 912 3456 7890, passcode 4411"));
        assertEquals(List.of(), found("ISBN 978-3-16-148410-0"));
        assertEquals(List.of(), found("created at 1700000000 (epoch)"));
        assertEquals(List.of(), found("due 02.12.2023 14:00"));
    }

    @Test
    void findsSocialSecurityNumbersOnlyInIssuedRanges() {
        assertEquals(List.of("ssn=123-45-6789"), found("SSN: 123-45-6789"));
        assertEquals(List.of("ssn=123456789"), found("social security number 123456789"));
        assertEquals(List.of(), found("000-12-3456 666-12-3456 900-12-3456 123-00-4567 123-45-0000"));
        assertEquals(List.of(), found("the id 123456789 without context"));
        assertEquals(List.of(), found("Part 123-45-6789 is on backorder"));
    }

    @Test
    void findsCardNumbersThatPassLuhnForEachNetwork() {
        assertEquals(List.of("credit_card=4111-1111-1111-1111", "credit_card=5555 5555 5555 4444",
                        "credit_card=3782 822463 10005", "credit_card=6011111111111117", "credit_card=2223 0031 2200 3222"),
                found("4111-1111-1111-1111, 5555 5555 5555 4444, 3782 822463 10005, 6011111111111117, 2223 0031 2200 3222"));
    }

    @Test
    void ignoresCardShapedNumbersFailingLuhnAndMaskedNumbers() {
        assertEquals(List.of(), found("4111 1111 1111 1112 and **** **** **** 1111, ending in 4242"));
    }

    @Test
    void findsIbansGroupedCompactAndLowerCaseWhenMod97Holds() {
        assertEquals(List.of("iban=GB82 WEST 1234 5698 7654 32", "iban=de89370400440532013000",
                        "iban=FR14 2004 1010 0505 0001 3M02 606"),
                found("GB82 WEST 1234 5698 7654 32 or de89370400440532013000 or FR14 2004 1010 0505 0001 3M02 606"));
    }

    @Test
    void ignoresIbansWithWrongCheckDigitsAndBankCodes() {
        assertEquals(List.of(), found("GB82 WEST 1234 5698 7654 33 at DEUTDEFF, sort code 20-00-00"));
    }

    @Test
    void findsHostAddressesWithoutPortsBracketsZonesOrHostSuffix() {
        assertEquals(List.of("ip_address=192.168.0.1"), found("connect to 192.168.0.1:8080"));
        assertEquals(List.of("ip_address=2001:db8::1"), found("curl http://[2001:db8::1]:443/"));
        assertEquals(List.of("ip_address=fe80::1"), found("ping fe80::1%eth0"));
        assertEquals(List.of("ip_address=::ffff:10.0.0.1"), found("mapped ::ffff:10.0.0.1 here"));
        assertEquals(List.of("ip_address=10.0.0.5"), found("route 10.0.0.5/32 via the tunnel"));
    }

    @Test
    void ignoresNetworksNetmasksVersionsMacAddressesAndOids() {
        assertEquals(List.of(), found("allow 10.0.0.0/8 and 2001:db8::/32 with mask 255.255.255.0"));
        assertEquals(List.of(), found("upgrade to version 2.4.1.0; MAC aa:bb:cc:dd:ee:01; OID 1.3.6.1.4.1"));
    }

    @Test
    void reportsUtf16OffsetsAfterCharactersOutsideTheBasicPlane() {
        String text = "😀😀 mail me: bob@example.com";
        List<PiiSpan> spans = detector.detect(text);
        assertEquals(1, spans.size());
        assertEquals(text.indexOf("bob@"), spans.get(0).start());
        assertEquals("bob@example.com", spans.get(0).valueIn(text));
    }

    @Test
    void findsNamesAndAddressesWhenAskedFor() {
        assertEquals(List.of("name=Elena Petrova", "address=221 Baker Street, London NW1 6XE"),
                found("Dear Elena Petrova, your parcel goes to 221 Baker Street, London NW1 6XE."));
    }

    @Test
    void looksOnlyForTheConfiguredTypes() {
        PiiDetector emailsOnly = new PiiDetector(EnumSet.of(PiiType.EMAIL));
        String text = "bob@example.com, +44 20 7946 0958";
        assertEquals(List.of(new PiiSpan(PiiType.EMAIL, 0, 15)), emailsOnly.detect(text));
    }
}
