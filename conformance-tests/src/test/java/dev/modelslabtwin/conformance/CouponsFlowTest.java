package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.EmulatorSeed;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.modelslabtwin.conformance.Steps.VISA;
import static dev.modelslabtwin.conformance.Steps.assertMoney;
import static dev.modelslabtwin.conformance.Steps.balance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coupons: validate (never changes anything), redeem once, redeeming again refused. */
@ConformanceCheck
class CouponsFlowTest {

    private final Target target = Target.current();

    @Test
    @Verifies({"redeemCoupon.once-per-account", "validateCoupon.unusable-is-valid-false"})
    void aCreditCouponIsValidatedThenRedeemedOnceAndOnlyOnce() {
        target.assumeAllowed(Impact.MOVES_MONEY, "redeeming a coupon");
        String code = target.isEmulator()
                ? EmulatorSeed.coupon("credit", false).orElseThrow().path("code").asText()
                : target.settings().couponCode();
        Assumptions.assumeTrue(!code.isEmpty(), "redeeming a coupon on a live server needs one: set -Dconformance.couponCode");
        Api api = target.api().as(target.accounts().own().token());
        BigDecimal before = balance(api);

        Answer valid = validate(api, code).expect(200);
        assertTrue(valid.data().path("valid").asBoolean(), valid.body());
        assertMoney(before, balance(api));

        Answer redeemed = api.post("/wallet/coupons/redeem", Json.object("coupon_code", code)).expect(200);
        BigDecimal credited = redeemed.money("credited_amount");
        assertTrue(credited.signum() > 0, redeemed.body());
        assertMoney(before.add(credited), redeemed.money("balance"));

        api.post("/wallet/coupons/redeem", Json.object("code", code)).expectError(409, "coupon_already_redeemed");
        Answer spent = validate(api, code).expect(200);
        assertEquals(false, spent.data().path("valid").asBoolean());
        assertEquals("already_redeemed", spent.text("reason"));
        assertMoney(before.add(credited), balance(api));
    }

    @Test
    @Verifies("validateCoupon.unknown-is-not-found")
    void anUnknownCouponIsNotFound() {
        validate(target.api().as(target.accounts().own().token()), "ZZNOSUCHCOUPON42").expectError(404, "not_found");
    }

    @Test
    @Verifies("validateCoupon.unusable-is-valid-false")
    void anExpiredCouponValidatesAsInvalidAndCannotBeRedeemed() {
        target.assumeEmulator("needs a coupon known to have expired: the emulator's seed has one");
        String code = EmulatorSeed.coupon("credit", true).orElseThrow().path("code").asText();
        Api api = target.api().as(target.accounts().fresh().token());

        Answer expired = validate(api, code).expect(200);
        assertEquals(false, expired.data().path("valid").asBoolean());
        assertEquals("expired", expired.text("reason"));

        Answer refused = api.post("/wallet/coupons/redeem", Json.object("coupon_code", code)).expectError(422, "invalid_coupon");
        assertEquals("expired", refused.details().path("reason").asText(), refused.body());
        assertMoney("0.00", balance(api));
    }

    @Test
    @Verifies("redeemCoupon.bonus-rides-on-a-purchase")
    void aBonusCouponRidesOnAPurchaseChargedToTheCard() {
        target.assumeEmulator("a bonus coupon charges a card: the emulator's seed has one and Stripe's test cards pay");
        BonusPurchase bonusCoupon = seededBonusCoupon();
        String code = bonusCoupon.code();
        BigDecimal purchase = bonusCoupon.purchase();
        Api api = target.api().as(target.accounts().fresh().token());

        Answer withoutPurchase = validate(api, code).expect(200);
        assertEquals(false, withoutPurchase.data().path("valid").asBoolean(), withoutPurchase.body());
        Answer quoted = quote(api, bonusCoupon);
        assertTrue(quoted.data().path("valid").asBoolean(), quoted.body());
        BigDecimal bonus = quoted.money("bonus_amount");

        Answer redeemed = redeem(api, bonusCoupon, VISA).expect(200);

        assertMoney(purchase, redeemed.money("charged_amount"));
        assertEquals("succeeded", redeemed.data().path("payment").path("status").asText());
        assertMoney(purchase.add(bonus), balance(api));
    }

    @Test
    @Verifies({"redeemCoupon.declined-purchase-402", "payments.three-d-secure-declined"})
    void aBonusCouponWhosePurchaseTheCardRefusesCreditsNothingAndStaysRedeemable() {
        target.assumeEmulator("a bonus coupon charges a card: the emulator's seed has one and Stripe's test cards decline");
        BonusPurchase bonusCoupon = seededBonusCoupon();
        Api api = target.api().as(target.accounts().fresh().token());

        Answer declined = redeem(api, bonusCoupon, "pm_card_visa_chargeDeclined").expectError(402, "payment_declined");
        Answer needs3ds = redeem(api, bonusCoupon, "pm_card_authenticationRequired").expectError(402, "payment_declined");

        assertEquals("Your card was declined.", declined.json().path("error").path("message").asText());
        assertEquals("generic_decline", declined.details().path("decline_code").asText(), declined.body());
        assertTrue(declined.details().path("payment_intent_id").asText().startsWith("pi_"), declined.body());
        assertEquals("authentication_required", needs3ds.details().path("decline_code").asText(), needs3ds.body());
        assertTrue(needs3ds.details().path("payment_intent_id").asText().startsWith("pi_"), needs3ds.body());
        assertMoney("0.00", balance(api));
        Answer stillValid = quote(api, bonusCoupon);
        assertTrue(stillValid.data().path("valid").asBoolean(), stillValid.body());
    }

    /** A bonus coupon and a purchase it applies to. */
    private record BonusPurchase(String code, BigDecimal purchase) {
    }

    /** The emulator's seeded bonus coupon, with a purchase $10 above its minimum. */
    private static BonusPurchase seededBonusCoupon() {
        JsonNode coupon = EmulatorSeed.coupon("bonus", false).orElseThrow();
        return new BonusPurchase(coupon.path("code").asText(),
                new BigDecimal(coupon.path("minimum_purchase").asText()).add(BigDecimal.TEN));
    }

    private static Answer quote(Api api, BonusPurchase bonusCoupon) {
        return api.call("GET", "/wallet/coupons/validate").query("coupon_code", bonusCoupon.code())
                .query("purchase_amount", bonusCoupon.purchase()).send().expect(200);
    }

    private static Answer redeem(Api api, BonusPurchase bonusCoupon, String card) {
        return api.post("/wallet/coupons/redeem", Json.object("coupon_code", bonusCoupon.code(),
                "purchase_amount", bonusCoupon.purchase(), "payment_method_id", card));
    }

    private static Answer validate(Api api, String code) {
        return api.call("GET", "/wallet/coupons/validate").query("coupon_code", code).send();
    }
}
