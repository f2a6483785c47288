package dev.modelslabtwin.emulator.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckedAnswersTest {

    private static final String BODY = "{\"data\":{\"balance\":50.00},\"meta\":{\"request_id\":\"%s\"}}";

    @Test
    void answersThatDifferOnlyInTheirRequestIdShareAKey() {
        String first = CheckedAnswers.keyOf("getWalletBalance", 200, BODY.formatted("id-1"), "id-1");
        String second = CheckedAnswers.keyOf("getWalletBalance", 200, BODY.formatted("id-2"), "id-2");

        assertEquals(first, second);
    }

    @Test
    void anotherOperationStatusOrBodyIsAnotherKey() {
        String key = CheckedAnswers.keyOf("getWalletBalance", 200, BODY.formatted("id"), "id");

        assertNotEquals(key, CheckedAnswers.keyOf("getBillingOverview", 200, BODY.formatted("id"), "id"));
        assertNotEquals(key, CheckedAnswers.keyOf("getWalletBalance", 201, BODY.formatted("id"), "id"));
        assertNotEquals(key, CheckedAnswers.keyOf("getWalletBalance", 200, BODY.formatted("id").replace("50.00", "60.00"), "id"));
    }

    @Test
    void aLargeAnswerIsNotKept() {
        String large = "x".repeat(CheckedAnswers.MAX_BODY_CHARS + 1);
        CheckedAnswers answers = new CheckedAnswers();

        answers.add(CheckedAnswers.keyOf("listWalletTransactions", 200, large, "id"));

        assertNull(CheckedAnswers.keyOf("listWalletTransactions", 200, large, "id"));
        assertEquals(0, answers.size());
    }

    @Test
    void onlyTheMostRecentlySeenAnswersAreKept() {
        CheckedAnswers answers = new CheckedAnswers();
        String oldest = CheckedAnswers.keyOf("getWalletBalance", 200, BODY.formatted("id").replace("50.00", "-1"), "id");
        answers.add(oldest);

        for (int i = 0; i < CheckedAnswers.MAX_ENTRIES; i++) {
            answers.add(CheckedAnswers.keyOf("getWalletBalance", 200, BODY.formatted("id").replace("50.00", Integer.toString(i)), "id"));
        }

        assertEquals(CheckedAnswers.MAX_ENTRIES, answers.size());
        assertFalse(answers.contains(oldest));
        assertTrue(answers.contains(CheckedAnswers.keyOf("getWalletBalance", 200, BODY.formatted("id").replace("50.00", "0"), "id")));
    }
}
