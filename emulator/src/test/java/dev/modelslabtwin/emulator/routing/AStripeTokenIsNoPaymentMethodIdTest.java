package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code payment_method_id} takes a PaymentMethod ({@code pm_...}), as documented: a Stripe token sent
 * there is refused with the contract's own message ({@code x-pattern-message}), which says how to turn
 * the token into a PaymentMethod, on every operation that takes one.
 */
class AStripeTokenIsNoPaymentMethodIdTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @ParameterizedTest(name = "POST {0}")
    @CsvSource(delimiter = '|', value = {
            "/wallet/fund | {\"amount\": 25, \"payment_method_id\": \"tok_visa\"}",
            "/billing/payment-methods | {\"payment_method_id\": \"tok_visa\"}",
            "/subscriptions | {\"plan_id\": 1, \"payment_method_id\": \"tok_visa\"}",
            "/subscriptions/charge-amount | {\"amount\": 25, \"payment_method_id\": \"tok_visa\"}",
            "/wallet/coupons/redeem | {\"coupon_code\": \"BONUS20\", \"purchase_amount\": 100, \"payment_method_id\": \"tok_visa\"}",
    })
    void aTokenIsRefusedSayingHowToMakeAPaymentMethodOfIt(String path, String body) {
        TestHttp.Answer answer = emu.as(emu.newAccount().token()).post(path, body);

        assertEquals(422, answer.status(), answer.body());
        assertEquals("validation_error", answer.json().path("error").path("code").asText());
        String message = answer.json().path("error").path("details").path("payment_method_id").path(0).asText();
        assertTrue(message.startsWith("The payment_method_id format is invalid: it takes a Stripe PaymentMethod id (pm_...)."),
                answer.body());
        assertTrue(message.contains("card[token]=tok_..."), message);
    }
}
