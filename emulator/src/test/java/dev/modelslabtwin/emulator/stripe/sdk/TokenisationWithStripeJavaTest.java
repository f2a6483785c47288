package dev.modelslabtwin.emulator.stripe.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.SetupIntentConfirmParams;
import com.stripe.param.SetupIntentRetrieveParams;
import dev.modelslabtwin.emulator.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokenising a card with stripe-java and the publishable key, as an agent does: the card data Stripe
 * refuses at once (Luhn, expiry, CVC, a real card in test mode) is a typed {@link CardException} with
 * Stripe's code and param; the test cards Stripe declines are declined where Stripe declines them, when
 * the card is saved (confirming a SetupIntent with its client secret), with Stripe's code and decline code.
 */
class TokenisationWithStripeJavaTest {

    @RegisterExtension
    static final StripeSdk sdk = new StripeSdk();
    static final TestEmulator emu = sdk.emulator();

    @Test
    void aTestCardBecomesATypedPaymentMethod() throws StripeException {
        PaymentMethod card = PaymentMethod.create(card("4242424242424242", 12, sdk.futureYear(), "123")
                .setBillingDetails(PaymentMethodCreateParams.BillingDetails.builder().setName("Ada Lovelace").build())
                .build());

        assertTrue(card.getId().startsWith("pm_"));
        assertEquals("card", card.getType());
        assertEquals("visa", card.getCard().getBrand());
        assertEquals("4242", card.getCard().getLast4());
        assertEquals("unchecked", card.getCard().getChecks().getCvcCheck());
        assertEquals("Ada Lovelace", card.getBillingDetails().getName());
        assertNull(card.getCustomer(), "not attached to anyone yet");
        assertFalse(card.getLivemode());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "4242424242424241, 12, 3, 123, incorrect_number, number",
            "42424242, 12, 3, 123, invalid_number, number",
            "4242424242424242, 13, 3, 123, invalid_expiry_month, exp_month",
            "4242424242424242, 12, -1, 123, invalid_expiry_year, exp_year",
            "4242424242424242, 12, 3, 12, invalid_cvc, cvc",
            "378282246310005, 12, 3, 123, invalid_cvc, cvc",
    })
    void cardDataStripeRefusesIsACardExceptionNamingTheField(String number, long month, long yearsAhead, String cvc,
                                                             String code, String param) {
        CardException refused = assertThrows(CardException.class, () -> PaymentMethod.create(
                card(number, month, sdk.futureYear() - 3 + yearsAhead, cvc).build()));

        assertEquals(402, refused.getStatusCode());
        assertEquals(code, refused.getCode());
        assertEquals(param, refused.getParam());
        assertEquals("card_error", refused.getStripeError().getType());
    }

    @Test
    void aRealCardIsRefusedInTestMode() {
        CardException refused = assertThrows(CardException.class, () -> PaymentMethod.create(
                card("4111111111111111", 12, sdk.futureYear(), "123").build()));

        assertEquals("card_declined", refused.getCode());
        assertEquals("test_mode_live_card", refused.getDeclineCode());
    }

    @ParameterizedTest(name = "{0} is declined when saved: {1} / {2}")
    @CsvSource({
            "4000000000000002, card_declined, generic_decline, ",
            "4000000000009995, card_declined, insufficient_funds, ",
            "4000000000009987, card_declined, lost_card, ",
            "4000000000009979, card_declined, stolen_card, ",
            "4000000000000069, expired_card, expired_card, exp_month",
            "4000000000000127, incorrect_cvc, incorrect_cvc, cvc",
            "4000000000000119, processing_error, processing_error, ",
            "4000000000006975, card_declined, card_velocity_exceeded, ",
            "4100000000000019, card_declined, fraudulent, ",
            "4000000000000101, incorrect_cvc, incorrect_cvc, cvc",
    })
    void eachDeclineFamilyIsATypedCardExceptionWhenTheCardIsSaved(String number, String code, String declineCode,
                                                                   String param) throws StripeException {
        PaymentMethod card = PaymentMethod.create(card(number, 12, sdk.futureYear(), "123").build());
        JsonNode created = sdk.setupIntent();
        SetupIntent intent = SetupIntent.retrieve(created.path("setup_intent_id").asText(),
                SetupIntentRetrieveParams.builder().setClientSecret(created.path("client_secret").asText()).build(), null);

        CardException declined = assertThrows(CardException.class, () -> intent.confirm(SetupIntentConfirmParams.builder()
                .setPaymentMethod(card.getId()).putExtraParam("client_secret", created.path("client_secret").asText())
                .build()));

        assertEquals(code, declined.getCode());
        assertEquals(declineCode, declined.getDeclineCode());
        assertEquals(param, declined.getParam());
        assertEquals("requires_payment_method", declined.getStripeError().getSetupIntent().getStatus());
        assertEquals(card.getId(), declined.getStripeError().getPaymentMethod().getId());
    }

    private static PaymentMethodCreateParams.Builder card(String number, long month, long year, String cvc) {
        return PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
                .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber(number).setExpMonth(month)
                        .setExpYear(year).setCvc(cvc).build());
    }
}
