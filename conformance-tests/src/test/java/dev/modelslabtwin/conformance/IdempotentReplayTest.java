package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static dev.modelslabtwin.conformance.Steps.assertMoney;
import static dev.modelslabtwin.conformance.Steps.balance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key: a retry answers the stored response and moves nothing; another body under the same key is refused. */
@ConformanceCheck
class IdempotentReplayTest {

    private final Target target = Target.current();

    @Test
    @Verifies({"idempotency.replay", "idempotency.replay-marked"})
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
    @Verifies("idempotency.conflict")
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
    @Verifies("idempotency.refused-requests-not-kept")
    void aRequestRefusedBeforeItActedLeavesItsKeyToTheCorrectedOne() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating a payment link (left unpaid)");
        Api keyed = target.api().as(target.accounts().own().token()).withIdempotencyKey("conformance-refused-" + UUID.randomUUID());
        keyed.rejectingInput().post("/billing/payment-link", Json.object("purpose", "fund", "amount", 5)).expectInvalid("amount");

        Answer corrected = keyed.post("/billing/payment-link", Json.object("purpose", "fund", "amount", 25)).expect(200);

        assertNull(corrected.header("Idempotent-Replayed"), "the refusal was not kept for the key: " + corrected.body());
        assertMoney("25.00", corrected.money("amount"));
    }

    @Test
    @Verifies("idempotency.kept-24-hours")
    void aKeyIsKeptForADayAndThenActsAnew() {
        target.assumeEmulator("a day passes through the emulator's control API");
        Api keyed = target.api().as(target.accounts().fresh().token()).withIdempotencyKey("conformance-day-" + UUID.randomUUID());
        String first = keyed.post("/billing/setup-intent").expect(200).text("setup_intent_id");
        target.control().advanceClock(Duration.ofHours(23));
        assertEquals(first, keyed.post("/billing/setup-intent").expect(200).text("setup_intent_id"), "still kept after 23 hours");

        target.control().advanceClock(Duration.ofHours(2));

        Answer anew = keyed.post("/billing/setup-intent").expect(200);
        assertNotEquals(first, anew.text("setup_intent_id"), "forgotten after 25 hours: " + anew.body());
        assertNull(anew.header("Idempotent-Replayed"));
    }

    @Test
    @Verifies("idempotency.per-account")
    void aKeyBelongsToItsAccount() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating SetupIntents on two accounts");
        String key = "conformance-shared-" + UUID.randomUUID();
        Api first = target.api().as(target.accounts().own().token()).withIdempotencyKey(key);
        Api second = target.api().as(target.accounts().other().token()).withIdempotencyKey(key);
        String mine = first.post("/billing/setup-intent").expect(200).text("setup_intent_id");

        Answer theirs = second.post("/billing/setup-intent").expect(200);

        assertNotEquals(mine, theirs.text("setup_intent_id"), "another account's key acts on its own: " + theirs.body());
        assertNull(theirs.header("Idempotent-Replayed"));
    }

    @Test
    @Verifies({"idempotency.replay", "idempotency.replay-marked"})
    void aReplayedSetupIntentIsTheSameSetupIntent() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating a SetupIntent");
        Api keyed = target.api().as(target.accounts().own().token()).withIdempotencyKey("conformance-seti-" + UUID.randomUUID());

        Answer first = keyed.post("/billing/setup-intent").expect(200);
        Answer replay = keyed.post("/billing/setup-intent").expect(200);

        assertEquals(first.text("setup_intent_id"), replay.text("setup_intent_id"));
        assertEquals("true", replay.header("Idempotent-Replayed"));
    }
}
