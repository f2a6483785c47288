package dev.modelslabtwin.emulator.routing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassedChecksTest {

    private static final String BODY = "{\"data\":{\"balance\":50.00},\"meta\":{\"request_id\":\"%s\"}}";
    private static final Map<String, String> HEADERS = Map.of("Authorization", "Bearer 1|token");

    @Test
    void answersThatDifferOnlyInTheirRequestIdShareAKey() {
        String first = PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id-1"), "id-1");
        String second = PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id-2"), "id-2");

        assertEquals(first, second);
    }

    @Test
    void anAnswerOfAnotherOperationStatusOrBodyHasAnotherKey() {
        String key = PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id"), "id");

        assertNotEquals(key, PassedChecks.answerKey("getBillingOverview", 200, BODY.formatted("id"), "id"));
        assertNotEquals(key, PassedChecks.answerKey("getWalletBalance", 201, BODY.formatted("id"), "id"));
        assertNotEquals(key, PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id").replace("50.00", "60.00"), "id"));
    }

    @Test
    void aRequestDifferingInAnyPartTheCheckReadsHasAnotherKey() {
        String key = PassedChecks.requestKey("GET", "/api/agents/v1/wallet/transactions", "limit=5", HEADERS, "", false);

        assertEquals(key, PassedChecks.requestKey("GET", "/api/agents/v1/wallet/transactions", "limit=5", HEADERS, "", false));
        assertNotEquals(key, PassedChecks.requestKey("POST", "/api/agents/v1/wallet/transactions", "limit=5", HEADERS, "", false));
        assertNotEquals(key, PassedChecks.requestKey("GET", "/api/agents/v1/wallet/balance", "limit=5", HEADERS, "", false));
        assertNotEquals(key, PassedChecks.requestKey("GET", "/api/agents/v1/wallet/transactions", "limit=500", HEADERS, "", false));
        assertNotEquals(key, PassedChecks.requestKey("GET", "/api/agents/v1/wallet/transactions", "limit=5",
                Map.of("Authorization", "Bearer 1|token", "Idempotency-Key", "k"), "", false));
        assertNotEquals(key, PassedChecks.requestKey("GET", "/api/agents/v1/wallet/transactions", "limit=5", HEADERS, "{}", false));
        assertNotEquals(key, PassedChecks.requestKey("GET", "/api/agents/v1/wallet/transactions", "limit=5", HEADERS, "", true));
    }

    @Test
    void aRequestOrAnswerLargerThanAKeyMayBeIsNotKept() {
        String large = "x".repeat(PassedChecks.MAX_KEY_CHARS);
        PassedChecks checks = new PassedChecks();

        checks.add(PassedChecks.answerKey("listWalletTransactions", 200, large, "id"));
        checks.add(PassedChecks.requestKey("POST", "/api/agents/v1/wallet/fund", "", HEADERS, large, false));

        assertNull(PassedChecks.answerKey("listWalletTransactions", 200, large, "id"));
        assertEquals(0, checks.size());
    }

    @Test
    void theKeysTogetherStayWithinTheirSizeTheOldestGoingFirst() {
        PassedChecks checks = new PassedChecks();
        String page = "y".repeat(PassedChecks.MAX_KEY_CHARS / 2);
        String first = PassedChecks.answerKey("listWalletTransactions", 200, page + 0, "id");

        for (int i = 0; i < 2 * PassedChecks.MAX_TOTAL_CHARS / page.length(); i++) {
            checks.add(PassedChecks.answerKey("listWalletTransactions", 200, page + i, "id"));
        }

        assertTrue(checks.totalChars() <= PassedChecks.MAX_TOTAL_CHARS, () -> checks.totalChars() + " characters kept");
        assertFalse(checks.contains(first));
        assertTrue(checks.contains(PassedChecks.answerKey("listWalletTransactions", 200,
                page + (2 * PassedChecks.MAX_TOTAL_CHARS / page.length() - 1), "id")));
    }

    @Test
    void aKeySeenAgainIsKeptLongerThanOnesSeenOnce() {
        PassedChecks checks = new PassedChecks();
        String polled = PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id"), "id");
        checks.add(polled);

        for (int i = 0; i < PassedChecks.MAX_ENTRIES; i++) {
            assertTrue(checks.contains(polled));
            checks.add(PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id").replace("50.00", Integer.toString(i)), "id"));
        }

        assertTrue(checks.contains(polled));
    }

    @Test
    void onlyTheMostRecentlySeenAreKept() {
        PassedChecks checks = new PassedChecks();
        String oldest = PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id").replace("50.00", "-1"), "id");
        checks.add(oldest);

        for (int i = 0; i < PassedChecks.MAX_ENTRIES; i++) {
            checks.add(PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id").replace("50.00", Integer.toString(i)), "id"));
        }

        assertEquals(PassedChecks.MAX_ENTRIES, checks.size());
        assertFalse(checks.contains(oldest));
        assertTrue(checks.contains(PassedChecks.answerKey("getWalletBalance", 200, BODY.formatted("id").replace("50.00", "0"), "id")));
    }
}
