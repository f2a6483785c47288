package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Target;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static dev.modelslabtwin.conformance.Steps.assertMoney;
import static dev.modelslabtwin.conformance.Steps.balance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key: a retry answers the stored response and moves nothing; another body under the same key is refused. */
@ConformanceCheck
class IdempotentReplayTest {

    private final Target target = Target.current();

    @Test
    void replayingAKeyWithTheSameBodyAnswersTheStoredResponseWithoutChargingAgain() {
        target.assumeAllowed(Impact.MOVES_MONEY, "funding the wallet ($10, once)");
        Api api = target.api().as(target.accounts().own().token());
        String card = Steps.chargeableCard(target, api);
        Api keyed = api.withIdempotencyKey("conformance-replay-" + UUID.randomUUID());
        BigDecimal before = balance(api);

        Answer first = keyed.post("/wallet/fund", Steps.funding("10", card)).expect(200);
        Answer replay = keyed.post("/wallet/fund", Steps.funding("10", card)).expect(200);

        assertNull(first.header("Idempotent-Replayed"), "a first answer is no replay");
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertTrue(replay.json().path("meta").path("idempotency_replay").asBoolean(), replay.body());
        assertEquals(first.data(), replay.data(), "the stored answer, not a new charge");
        assertMoney(before.add(BigDecimal.TEN), balance(api));
    }

    @Test
    void reusingAKeyWithAnotherBodyIsAConflictAndMovesNothing() {
        target.assumeAllowed(Impact.MOVES_MONEY, "funding the wallet ($10, once)");
        Api api = target.api().as(target.accounts().own().token());
        Api keyed = api.withIdempotencyKey("conformance-conflict-" + UUID.randomUUID());
        String card = Steps.chargeableCard(target, api);
        BigDecimal before = balance(api);
        keyed.post("/wallet/fund", Steps.funding("10", card)).expect(200);

        Answer conflict = keyed.post("/wallet/fund", Steps.funding("11", card)).expectError(409, "idempotency_conflict");

        assertTrue(conflict.details().size() > 0, conflict.body());
        assertMoney(before.add(BigDecimal.TEN), balance(api));
    }

    @Test
    void aReplayedSetupIntentIsTheSameSetupIntent() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating a SetupIntent");
        Api keyed = target.api().as(target.accounts().own().token()).withIdempotencyKey("conformance-seti-" + UUID.randomUUID());

        Answer first = keyed.post("/billing/setup-intent").expect(200);
        Answer replay = keyed.post("/billing/setup-intent").expect(200);

        assertEquals(first.text("setup_intent_id"), replay.text("setup_intent_id"));
        assertEquals("true", replay.header("Idempotent-Replayed"));
    }
}
