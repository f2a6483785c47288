package dev.modelslabtwin.emulator.faults;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathPatternsTest {

    private static final String BASE = "/api/agents/v1";

    @Test
    void aContractTemplateMatchesEveryValueOfItsParameterInOneSegment() {
        Pattern status = PathPatterns.compile("/payments/{id}/status", BASE);

        assertTrue(status.matcher("/payments/pi_123/status").matches());
        assertFalse(status.matcher("/payments/pi_123/refunds/status").matches());
        assertFalse(status.matcher("/payments//status").matches());
    }

    @Test
    void oneStarIsOneSegmentAndTwoStarsAreAnything() {
        assertTrue(PathPatterns.compile("/billing/*", BASE).matcher("/billing/invoices").matches());
        assertFalse(PathPatterns.compile("/billing/*", BASE).matcher("/billing/invoices/in_1").matches());
        assertTrue(PathPatterns.compile("/billing/**", BASE).matcher("/billing/invoices/in_1/pdf").matches());
    }

    @Test
    void theApiBasePathMayBeWrittenOrLeftOut() {
        assertTrue(PathPatterns.compile("/api/agents/v1/wallet/fund", BASE).matcher("/wallet/fund").matches());
        assertTrue(PathPatterns.compile("/wallet/fund", BASE).matcher("/wallet/fund").matches());
    }

    @Test
    void everythingElseIsLiteral() {
        Pattern dotted = PathPatterns.compile("/wallet/fund.json", BASE);

        assertTrue(dotted.matcher("/wallet/fund.json").matches());
        assertFalse(dotted.matcher("/wallet/fundxjson").matches());
        assertFalse(PathPatterns.compile("/wallet/fund", BASE).matcher("/wallet/fund/extra").matches());
    }
}
