package io.policygateway.plugins.regexguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexGuardGuardrailTest {
    private static final String RULES = "{\"patterns\": ["
            + "{\"name\": \"ticket\", \"pattern\": \"TCK-\\\\d{4,}\", \"action\": \"redact\"},"
            + "{\"name\": \"hostname\", \"pattern\": \"\\\\b[a-z0-9-]+\\\\.corp\\\\.example\\\\b\", \"action\": \"warn\"},"
            + "{\"name\": \"codename\", \"pattern\": \"(?i)\\\\bproject falcon\\\\b\", \"action\": \"block\"}]}";

    private final TestPluginContext context = new TestPluginContext();

    private Guardrail guardrail(String config) {
        return new RegexGuardGuardrailFactory().create(Chats.config(config), context);
    }

    @Test
    void allowsTextMatchingNoPattern() throws Exception {
        assertSame(Verdict.allow(), guardrail(RULES).beforeRequest(Chats.request("t", "nothing to see")));
    }

    @Test
    void redactsMatchesOfRedactPatternsAndReportsCountsPerPattern() throws Exception {
        Verdict verdict = guardrail(RULES).beforeRequest(Chats.request("t", "See TCK-12345 and TCK-9999 on db1.corp.example"));
        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("REGEX_MATCH", verdict.reasonCode());
        assertEquals("See [TICKET] and [TICKET] on db1.corp.example", Chats.userText(verdict.replacement().orElseThrow(), 1));
        assertEquals(Map.of("ticket", 2, "hostname", 1, "total", 3), verdict.details());
    }

    @Test
    void blocksWhenABlockPatternMatchesWhateverElseMatches() throws Exception {
        Verdict verdict = guardrail(RULES).beforeRequest(Chats.request("t", "TCK-1234 is about Project Falcon"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertFalse(verdict.message().contains("Falcon"));
        assertEquals("The request matches blocked patterns: ticket (1), codename (1).", verdict.message());
    }

    @Test
    void warnsWhenOnlyAWarnPatternMatches() throws Exception {
        assertEquals(Decision.WARN, guardrail(RULES).beforeRequest(Chats.request("t", "ssh build.corp.example")).decision());
    }

    @Test
    void findsMatchesInAnswersToo() throws Exception {
        Verdict verdict = guardrail(RULES).afterResponse(Chats.answer(Chats.request("t", "q"), "Ticket TCK-4242 is closed"));
        assertEquals("Ticket [TICKET] is closed", Chats.answerText(verdict.replacement().orElseThrow()));
    }

    @Test
    void stopsACatastrophicPatternAndReportsAFaultNamingOnlyThePattern() {
        Guardrail guardrail = guardrail("{\"patterns\": [{\"name\": \"evil\", \"pattern\": \"(a+)+$\"}]}");
        String attack = "a".repeat(5_000) + "!";
        long started = System.nanoTime();
        GatewayException fault = assertThrows(GatewayException.class, () -> guardrail.beforeRequest(Chats.request("t", attack)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ErrorCategory.INTERNAL, fault.category());
        assertTrue(fault.getMessage().contains("'evil'"), fault.getMessage());
        assertFalse(fault.getMessage().contains("aaaa"));
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void findsAMatchThatStraddlesTwoScanRegions() {
        RegexGuardSettings settings = RegexGuardSettings.from(Chats.config(
                "{\"patterns\": [{\"name\": \"ticket\", \"pattern\": \"TCK-\\\\d{4}\"}], \"scanChunk\": 256, \"scanOverlap\": 32}"));
        RegexScanner scanner = new RegexScanner(settings.rules(), settings.scanChunk(), settings.scanOverlap(), 2_000);
        String text = "x".repeat(250) + " TCK-1234 " + "y".repeat(400) + " TCK-5678";
        List<RegexMatch> matches = scanner.scan(text);
        assertEquals(List.of(text.indexOf("TCK-1234"), text.indexOf("TCK-5678")), matches.stream().map(RegexMatch::start).toList());
        assertTrue(text.indexOf("TCK-1234") < 256 && text.indexOf("TCK-1234") + 8 > 256, "the first match crosses the region border");
    }

    @Test
    void redactsAMatchSplitAcrossThreeStreamChunks() {
        StreamGuard guard = guardrail(RULES).openStream(Chats.request("t", "q"));
        Chats.Streamed streamed = Chats.stream(guard, "Your ticket is TC", "K-98", "765, we will call you.");
        assertFalse(streamed.released().contains("98765"));
        assertEquals("Your ticket is [TICKET], we will call you.", streamed.released());
        assertEquals(Decision.REWRITE, streamed.lastStep().verdict().orElseThrow().decision());
    }

    @Test
    void onlyRecordsMatchesInPassThroughMode() {
        String config = RULES.substring(0, RULES.length() - 1) + ", \"streamMode\": \"pass-through\"}";
        StreamGuard guard = guardrail(config).openStream(Chats.request("t", "q"));
        assertEquals("Ticket TCK-", guard.onText("Ticket TCK-").release());
        assertEquals("12345 and Project Falcon", guard.onText("12345 and Project Falcon").release());
        Verdict verdict = guard.finish().verdict().orElseThrow();
        assertEquals(Decision.LOG_ONLY, verdict.decision());
        assertEquals(Map.of("ticket", 1, "codename", 1, "total", 2), verdict.details());
    }

    @Test
    void blocksAStreamAtABlockPattern() {
        StreamGuard guard = guardrail(RULES).openStream(Chats.request("t", "q"));
        Chats.Streamed streamed = Chats.stream(guard, "It is called Proj", "ect Fal", "con internally");
        assertEquals("It is called ", streamed.released());
        assertEquals(Decision.BLOCK, streamed.lastStep().verdict().orElseThrow().decision());
    }
}
