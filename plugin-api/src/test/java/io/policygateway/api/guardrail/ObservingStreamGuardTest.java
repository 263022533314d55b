package io.policygateway.api.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservingStreamGuardTest {

    @Test
    void releasesEveryDeltaAtOnceAndLooksAtTheWholeAnswerAtTheEnd() {
        List<String> looked = new ArrayList<>();
        ObservingStreamGuard guard = new ObservingStreamGuard(1000, text -> {
            looked.add(text);
            return Optional.of(Verdict.block("FOUND", "found something"));
        });
        assertEquals("a secr", guard.onText("a secr").release());
        assertEquals("et here", guard.onText("et here").release());
        StreamGuard.Step last = guard.finish();
        assertEquals(List.of("a secret here"), looked);
        assertEquals(Decision.LOG_ONLY, last.verdict().orElseThrow().decision());
        assertEquals("FOUND", last.verdict().orElseThrow().reasonCode());
    }

    @Test
    void keepsNoMoreThanItsLimit() {
        List<String> looked = new ArrayList<>();
        ObservingStreamGuard guard = new ObservingStreamGuard(4, text -> {
            looked.add(text);
            return Optional.empty();
        });
        guard.onText("abc");
        guard.onText("defg");
        assertTrue(guard.finish().verdict().isEmpty());
        assertEquals(List.of("abcd"), looked);
    }
}
