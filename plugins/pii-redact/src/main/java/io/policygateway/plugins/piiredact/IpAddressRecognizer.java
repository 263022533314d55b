package io.policygateway.plugins.piiredact;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 host addresses, private, loopback and link-local ones included. The span leaves out
 * ports, brackets, IPv6 zone ids and a {@code /32} host suffix. Not addresses: dotted version,
 * firmware, build and section numbers (judged by the word before them), OIDs and other dotted
 * numbers with more than four parts, netmasks, CIDR blocks, masked addresses ({@code 10.0.x.x}),
 * MAC addresses and colon-separated fingerprints.
 */
final class IpAddressRecognizer implements Recognizer {
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.\\-:])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\p{L}\\p{N}_]|\\.\\p{N}|/(?!32(?!\\d))\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_:.])(?=[0-9A-Fa-f:]*::?[0-9A-Fa-f]*:)[0-9A-Fa-f:]{2,39}(?:(?<=:)\\d{1,3}(?:\\.\\d{1,3}){3})?"
                    + "(?![\\p{L}\\p{N}_:]|\\.\\p{N}|/\\d)");
    private static final Pattern IPV4_EXACT = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
    private static final Set<String> NOT_AN_ADDRESS = Set.of("version", "versions", "ver", "v", "firmware", "fw",
            "kernel", "build", "release", "released", "rel", "section", "sec", "chapter", "clause", "paragraph", "rev",
            "revision", "patch", "update", "sdk", "oid", "mib", "netmask", "mask", "subnet", "tag", "node",
            "python", "java", "npm", "package", "library", "driver", "bios", "os", "ios", "android", "macos", "windows",
            "chrome", "firefox", "browser", "app", "plugin", "extension", "model", "figure", "fig", "table", "step");

    @Override
    public PiiType type() {
        return PiiType.IP_ADDRESS;
    }

    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        Matcher ipv4 = IPV4.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int start = anchors.digitRun(n);
            int end = start + anchors.digitRunLength(n);
            if (start < covered || end - start > 3 || end >= text.length() || text.charAt(end) != '.') {
                continue;
            }
            ipv4.region(start, Math.min(text.length(), start + 15));
            if (ipv4.lookingAt() && !isNetmask(ipv4.group())
                    && !Context.wordBefore(text, start, 2, 25, NOT_AN_ADDRESS)) {
                out.add(new Candidate(PiiType.IP_ADDRESS, start, ipv4.end(), 0.85));
                covered = ipv4.end();
            }
        }
        Matcher ipv6 = IPV6_CANDIDATE.matcher(text).useTransparentBounds(true);
        covered = 0;
        for (int n = 0; n < anchors.colonCount(); n++) {
            int colon = anchors.colon(n);
            if (colon < covered) {
                continue;
            }
            int from = colon;
            while (from > 0 && isAddressCharacter(text.charAt(from - 1))) {
                from--;
            }
            int to = colon + 1;
            int colons = 1;
            while (to < text.length() && isAddressCharacter(text.charAt(to))) {
                colons += text.charAt(to) == ':' ? 1 : 0;
                to++;
            }
            covered = to;
            if (colons < 2) {
                continue;
            }
            ipv6.region(from, to);
            while (ipv6.find()) {
                if (isIpv6(ipv6.group())) {
                    out.add(new Candidate(PiiType.IP_ADDRESS, ipv6.start(), ipv6.end(), 0.85));
                }
            }
        }
    }

    private static boolean isAddressCharacter(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
    }

    /** Whether the address is a contiguous run of one bits followed by zeros, such as 255.255.240.0. */
    private static boolean isNetmask(String address) {
        if (!address.startsWith("255.")) {
            return false;
        }
        long bits = 0;
        int from = 0;
        for (int part = 0; part < 4; part++) {
            int dot = address.indexOf('.', from);
            int to = dot < 0 ? address.length() : dot;
            bits = (bits << 8) | Integer.parseInt(address.substring(from, to));
            from = to + 1;
        }
        long inverted = ~bits & 0xFFFFFFFFL;
        return (inverted & (inverted + 1)) == 0;
    }

    /** A strict IPv6 parse: eight groups, or fewer with one "::", optionally ending in dotted IPv4. */
    static boolean isIpv6(String candidate) {
        if (candidate.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        int doubleColon = candidate.indexOf("::");
        if (doubleColon >= 0 && candidate.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (candidate.contains(":::")) {
            return false;
        }
        int groups = 0;
        String[] halves = doubleColon >= 0
                ? new String[] {candidate.substring(0, doubleColon), candidate.substring(doubleColon + 2)}
                : new String[] {candidate};
        for (int half = 0; half < halves.length; half++) {
            if (halves[half].isEmpty()) {
                continue;
            }
            String[] parts = halves[half].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean last = half == halves.length - 1 && i == parts.length - 1;
                if (last && part.indexOf('.') >= 0) {
                    if (!IPV4_EXACT.matcher(part).matches()) {
                        return false;
                    }
                    groups += 2;
                } else if (part.isEmpty() || part.length() > 4 || !isHex(part)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return doubleColon >= 0 ? groups <= 7 && groups >= 1 : groups == 8;
    }

    private static boolean isHex(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (Character.digit(part.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
