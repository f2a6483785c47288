package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.attach;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static dev.modelslabtwin.emulator.wallet.WalletTests.paidInvoices;
import static dev.modelslabtwin.emulator.wallet.WalletTests.transactions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coupons: validating never changes anything; a credit coupon adds its amount; percent and bonus
 * coupons ride on a card purchase; each account redeems a coupon once; expiry and caps are honoured.
 */
class CouponsTest {

    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static int coupons;



    @Test
    void aCreditCouponValidatesWithItsAmount() {
        JsonNode data = validate(emu.as(emu.newAccount().token()), "coupon_code=WELCOME10");

        assertEquals("WELCOME10", data.path("coupon_code").asText());
        assertTrue(data.path("valid").asBoolean());
        assertEquals("credit", data.path("type").asText());
        assertMoney("10.00", data.path("credit_amount"));
        assertTrue(data.path("reason").isNull());
        assertTrue(data.path("expires_at").isNull());
    }

    @Test
    void validatingChangesNothingSoTheCouponCanStillBeRedeemed() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        validate(http, "coupon_code=WELCOME10");
        validate(http, "code=WELCOME10");

        assertMoney("0.00", balance(http));
        assertEquals(0, transactions(http, "").path("total").asInt());
        assertEquals(200, redeem(http, "{\"coupon_code\": \"WELCOME10\"}").status());
    }

    @Test
    void redeemingACreditCouponCreditsItsAmountOnce() {
        var account = emu.newAccount(new BigDecimal("5.00"), Set.of("*"));
        TestHttp http = emu.as(account.token());

        TestHttp.Answer first = redeem(http, "{\"coupon_code\": \"WELCOME10\"}");
        TestHttp.Answer second = redeem(http, "{\"coupon_code\": \"WELCOME10\"}");

        assertEquals(200, first.status(), first.body());
        JsonNode data = first.json().path("data");
        assertEquals("WELCOME10", data.path("coupon_code").asText());
        assertMoney("10.00", data.path("credited_amount"));
        assertMoney("15.00", data.path("balance"));
        assertEquals(409, second.status(), second.body());
        assertEquals("coupon_already_redeemed", second.json().path("error").path("code").asText());
        assertMoney("15.00", balance(http));
        JsonNode credit = transactions(http, "").path("items").get(0);
        assertEquals("coupon", credit.path("source").asText());
        assertEquals("coupon", credit.path("usecase").asText());
        assertEquals("WELCOME10", credit.path("transaction_id").asText());
        JsonNode after = validate(http, "coupon_code=WELCOME10");
        assertFalse(after.path("valid").asBoolean());
        assertEquals("already_redeemed", after.path("reason").asText());
    }

    @Test
    void theClisCodeFieldAndAnyLetterCaseAreAccepted() {
        TestHttp http = emu.as(emu.newAccount().token());

        TestHttp.Answer answer = redeem(http, "{\"code\": \"welcome10\"}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("WELCOME10", answer.json().path("data").path("coupon_code").asText());
        assertMoney("10.00", balance(http));
    }

    @Test
    void anotherAccountsRedemptionDoesNotUseUpAnUncappedCoupon() {
        redeem(emu.as(emu.newAccount().token()), "{\"coupon_code\": \"WELCOME10\"}");
        TestHttp http = emu.as(emu.newAccount().token());

        assertTrue(validate(http, "coupon_code=WELCOME10").path("valid").asBoolean());
        assertEquals(200, redeem(http, "{\"coupon_code\": \"WELCOME10\"}").status());
    }

    @Test
    void anExpiredCouponValidatesAsInvalidAndCannotBeRedeemed() {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode validation = validate(http, "coupon_code=EXPIRED5");
        TestHttp.Answer redemption = redeem(http, "{\"coupon_code\": \"EXPIRED5\"}");

        assertFalse(validation.path("valid").asBoolean());
        assertEquals("expired", validation.path("reason").asText());
        assertEquals("2024-01-01T00:00:00Z", validation.path("expires_at").asText());
        assertInvalidCoupon(redemption, "expired");
        assertMoney("0.00", balance(http));
    }

    @Test
    void aCouponExpiresOnTheEmulatedClock() {
        String code = creditCoupon("7.00", null, emu.clock().instant().plus(Duration.ofHours(1)));
        TestHttp http = emu.as(emu.newAccount().token());
        assertTrue(validate(http, "coupon_code=" + code).path("valid").asBoolean());

        emu.clock().advance(Duration.ofHours(2));

        assertEquals("expired", validate(http, "coupon_code=" + code).path("reason").asText());
        assertInvalidCoupon(redeem(http, "{\"coupon_code\": \"" + code + "\"}"), "expired");
    }

    @Test
    void aCappedCouponIsExhaustedOnceItsRedemptionsAreUsed() {
        String code = creditCoupon("7.00", 1, null);
        TestHttp first = emu.as(emu.newAccount().token());
        TestHttp second = emu.as(emu.newAccount().token());

        assertEquals(200, redeem(first, "{\"coupon_code\": \"" + code + "\"}").status());

        assertEquals("exhausted", validate(second, "coupon_code=" + code).path("reason").asText());
        assertInvalidCoupon(redeem(second, "{\"coupon_code\": \"" + code + "\"}"), "exhausted");
        assertMoney("0.00", balance(second));
    }

    @Test
    void anUnknownCouponIsNotFoundOnValidationAndInvalidOnRedemption() {
        TestHttp http = emu.as(emu.newAccount().token());

        TestHttp.Answer validation = http.get("/wallet/coupons/validate?coupon_code=NOSUCHCODE");
        TestHttp.Answer redemption = redeem(http, "{\"coupon_code\": \"NOSUCHCODE\"}");

        assertEquals(404, validation.status(), validation.body());
        assertInvalidCoupon(redemption, "unknown");
    }

    @Test
    void aCouponCodeIsRequired() {
        TestHttp http = emu.as(emu.newAccount().token());

        TestHttp.Answer validation = http.get("/wallet/coupons/validate");
        TestHttp.Answer redemption = redeem(http, "{}");

        for (TestHttp.Answer answer : new TestHttp.Answer[] {validation, redemption}) {
            assertEquals(422, answer.status(), answer.body());
            assertTrue(answer.json().path("error").path("details").has("coupon_code"), answer.body());
        }
    }

    @Test
    void aPercentCouponValidatesAsABonusOnThePurchase() {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode withoutPurchase = validate(http, "coupon_code=SAVE20");
        JsonNode belowMinimum = validate(http, "coupon_code=SAVE20&purchase_amount=20");
        JsonNode withPurchase = validate(http, "coupon_code=SAVE20&purchase_amount=50");

        assertFalse(withoutPurchase.path("valid").asBoolean());
        assertEquals("purchase_amount_required", withoutPurchase.path("reason").asText());
        assertEquals("bonus", withoutPurchase.path("type").asText());
        assertMoney("20", withoutPurchase.path("bonus_percent"));
        assertEquals("below_minimum_purchase", belowMinimum.path("reason").asText());
        assertTrue(withPurchase.path("valid").asBoolean());
        assertMoney("10.00", withPurchase.path("bonus_amount"));
    }

    @Test
    void redeemingAPercentCouponChargesThePurchaseAndCreditsItWithTheBonus() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = redeem(http, "{\"coupon_code\": \"SAVE20\", \"purchase_amount\": 50, "
                + "\"payment_method_id\": \"" + card + "\"}");

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertMoney("60.00", data.path("credited_amount"));
        assertMoney("50.00", data.path("charged_amount"));
        assertMoney("60.00", data.path("balance"));
        String paymentIntent = data.path("payment").path("payment_intent_id").asText();
        assertEquals("succeeded", data.path("payment").path("status").asText());
        assertMoney("60.00", balance(http));
        JsonNode items = transactions(http, "").path("items");
        assertEquals("coupon", items.get(0).path("usecase").asText());
        assertMoney("10.00", items.get(0).path("amount"));
        assertEquals("wallet_funding", items.get(1).path("usecase").asText());
        assertEquals(paymentIntent, items.get(1).path("transaction_id").asText());
        assertEquals(1, paidInvoices(emu, account, paymentIntent));
        assertEquals("coupon_bonus", http.get("/payments/" + paymentIntent + "/status").json()
                .path("data").path("purpose").asText());
        assertEquals(409, redeem(http, "{\"coupon_code\": \"SAVE20\", \"purchase_amount\": 50, "
                + "\"payment_method_id\": \"" + card + "\"}").status());
        assertMoney("60.00", balance(http));
    }

    @Test
    void aFixedBonusCouponAddsItsBonusFromTheMinimumPurchaseOn() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        JsonNode validation = validate(http, "coupon_code=BONUS50&purchase_amount=50");

        TestHttp.Answer belowMinimum = redeem(http, "{\"coupon_code\": \"BONUS50\", \"purchase_amount\": 49.99, "
                + "\"payment_method_id\": \"" + card + "\"}");
        TestHttp.Answer atMinimum = redeem(http, "{\"coupon_code\": \"BONUS50\", \"purchase_amount\": 50, "
                + "\"payment_method_id\": \"" + card + "\"}");

        assertTrue(validation.path("valid").asBoolean());
        assertEquals("bonus", validation.path("type").asText());
        assertMoney("5.00", validation.path("bonus_amount"));
        assertTrue(validation.path("bonus_percent").isNull());
        assertInvalidCoupon(belowMinimum, "below_minimum_purchase");
        assertEquals(200, atMinimum.status(), atMinimum.body());
        assertMoney("55.00", atMinimum.json().path("data").path("credited_amount"));
        assertMoney("55.00", balance(http));
    }

    @Test
    void aBonusCouponWithoutAPurchaseOrACardIsAValidationError() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = redeem(http, "{\"coupon_code\": \"BONUS50\"}");

        assertEquals(422, answer.status(), answer.body());
        JsonNode details = answer.json().path("error").path("details");
        assertTrue(details.has("purchase_amount") && details.has("payment_method_id"), answer.body());
        assertMoney("0.00", balance(http));
    }

    @Test
    void aDeclinedPurchaseLeavesTheCouponUnusedAndTheWalletAlone() {
        var account = emu.newAccount();
        String declining = attach(emu, account, "pm_card_chargeCustomerFail");
        String working = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer declined = redeem(http, "{\"coupon_code\": \"BONUS50\", \"purchase_amount\": 50, "
                + "\"payment_method_id\": \"" + declining + "\"}");

        assertEquals(402, declined.status(), declined.body());
        assertEquals("generic_decline", declined.json().path("error").path("details").path("decline_code").asText());
        assertMoney("0.00", balance(http));
        assertTrue(validate(http, "coupon_code=BONUS50&purchase_amount=50").path("valid").asBoolean());
        assertEquals(200, redeem(http, "{\"coupon_code\": \"BONUS50\", \"purchase_amount\": 50, "
                + "\"payment_method_id\": \"" + working + "\"}").status());
    }

    @Test
    void aBonusCouponsPurchaseChargesItsCardOnceWithoutSavingIt() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = redeem(http, "{\"coupon_code\": \"BONUS50\", \"purchase_amount\": 50, "
                + "\"payment_method_id\": \"pm_card_visa\"}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("succeeded", answer.json().path("data").path("payment").path("status").asText());
        assertEquals(0, http.get("/billing/payment-methods").json().path("data").size(), "a one-off card is not saved");
    }

    @Test
    void aCardNeeding3DSecureCannotPayForABonusCoupon() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = redeem(http, "{\"coupon_code\": \"BONUS50\", \"purchase_amount\": 50, "
                + "\"payment_method_id\": \"" + card + "\"}");

        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("payment_declined", error.path("code").asText());
        assertEquals("Your card was declined.", error.path("message").asText());
        assertEquals("authentication_required", error.path("details").path("decline_code").asText());
        String paymentIntent = error.path("details").path("payment_intent_id").asText();
        assertEquals("failed", http.get("/payments/" + paymentIntent + "/status").json().path("data").path("status").asText());
        assertMoney("0.00", balance(http));
        assertTrue(validate(http, "coupon_code=BONUS50&purchase_amount=50").path("valid").asBoolean());
    }

    private static JsonNode validate(TestHttp http, String query) {
        TestHttp.Answer answer = http.get("/wallet/coupons/validate?" + query);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    private static TestHttp.Answer redeem(TestHttp http, String body) {
        return http.post("/wallet/coupons/redeem", body);
    }

    private static void assertInvalidCoupon(TestHttp.Answer answer, String reason) {
        assertEquals(422, answer.status(), answer.body());
        assertEquals("invalid_coupon", answer.json().path("error").path("code").asText());
        assertEquals(reason, answer.json().path("error").path("details").path("reason").asText());
    }

    /** A credit coupon of its own for one test; {@code max} and {@code expiresAt} may be null. */
    private static synchronized String creditCoupon(String amount, Integer max, Instant expiresAt) {
        String code = "TESTCREDIT" + (++coupons);
        emu.database().transaction(db -> Sql.update(db, "INSERT INTO coupons (code, kind, credit_amount, max_redemptions, "
                + "expires_at) VALUES (?, 'credit', ?, ?, ?)", code, new BigDecimal(amount), max, expiresAt));
        return code;
    }
}
