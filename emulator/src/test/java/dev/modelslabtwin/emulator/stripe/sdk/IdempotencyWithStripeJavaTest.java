package dev.modelslabtwin.emulator.stripe.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.SetupIntentConfirmParams;
import com.stripe.param.SetupIntentRetrieveParams;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripe's idempotency on every POST, as stripe-java (which sends a key with every POST and retries with
 * it) relies on: the same key and parameters get the stored answer, marked replayed, and act once; the
 * same key with other parameters or on another endpoint is an {@code idempotency_error}; keys expire
 * after 24 hours of emulated time.
 */
class IdempotencyWithStripeJavaTest {

    @RegisterExtension
    static final StripeSdk sdk = new StripeSdk();
    static final TestEmulator emu = sdk.emulator();

    @Test
    void theSameKeyAndParametersReplayTheFirstAnswerWithoutActingAgain() throws StripeException {
        RequestOptions key = withKey(UUID.randomUUID().toString());

        PaymentMethod first = PaymentMethod.create(visa("123"), key);
        PaymentMethod retried = PaymentMethod.create(visa("123"), key);

        assertEquals(first.getId(), retried.getId(), "one PaymentMethod, not two");
        assertEquals("true", retried.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(first.getLastResponse().requestId(), retried.getLastResponse().headers()
                .firstValue("Original-Request").orElse(null));
        assertNotEquals(first.getLastResponse().requestId(), retried.getLastResponse().requestId());
        assertTrue(first.getLastResponse().headers().firstValue("Idempotent-Replayed").isEmpty());
    }

    @Test
    void theSameKeyWithOtherParametersIsAnIdempotencyError() throws StripeException {
        RequestOptions key = withKey(UUID.randomUUID().toString());
        PaymentMethod.create(visa("123"), key);

        IdempotencyException conflict = assertThrows(IdempotencyException.class, () -> PaymentMethod.create(visa("456"), key));

        assertEquals(400, conflict.getStatusCode());
        assertEquals("idempotency_error", conflict.getStripeError().getType());
        assertTrue(conflict.getMessage().contains("same parameters"), conflict.getMessage());
    }

    @Test
    void theSameKeyOnAnotherEndpointIsAnIdempotencyError() throws StripeException {
        String key = UUID.randomUUID().toString();
        PaymentMethod.create(visa("123"), withKey(key));
        JsonNode created = sdk.setupIntent();
        SetupIntent intent = SetupIntent.retrieve(created.path("setup_intent_id").asText(), SetupIntentRetrieveParams
                .builder().setClientSecret(created.path("client_secret").asText()).build(), null);

        IdempotencyException conflict = assertThrows(IdempotencyException.class, () -> intent.confirm(
                SetupIntentConfirmParams.builder().setPaymentMethod("pm_card_visa")
                        .putExtraParam("client_secret", created.path("client_secret").asText()).build(), withKey(key)));

        assertTrue(conflict.getMessage().contains("same endpoint"), conflict.getMessage());
    }

    @Test
    void aDeclineIsReplayedAsTheSameDeclineAndTheIntentIsConfirmedOnce() throws StripeException {
        JsonNode created = sdk.setupIntent();
        String clientSecret = created.path("client_secret").asText();
        SetupIntent intent = SetupIntent.retrieve(created.path("setup_intent_id").asText(),
                SetupIntentRetrieveParams.builder().setClientSecret(clientSecret).build(), null);
        SetupIntentConfirmParams confirm = SetupIntentConfirmParams.builder()
                .setPaymentMethod("pm_card_visa_chargeDeclinedInsufficientFunds").putExtraParam("client_secret", clientSecret)
                .build();
        RequestOptions key = withKey(UUID.randomUUID().toString());

        CardException first = assertThrows(CardException.class, () -> intent.confirm(confirm, key));
        CardException replayed = assertThrows(CardException.class, () -> intent.confirm(confirm, key));

        assertEquals("insufficient_funds", replayed.getDeclineCode());
        assertEquals(first.getStripeError().getPaymentMethod().getId(), replayed.getStripeError().getPaymentMethod().getId(),
                "the stored answer, not a second attempt with a new card");
    }

    @Test
    void aKeyExpiresAfter24HoursOfEmulatedTime() throws StripeException {
        RequestOptions key = withKey(UUID.randomUUID().toString());
        PaymentMethod first = PaymentMethod.create(visa("123"), key);

        emu.emulator().advanceClock(Duration.ofHours(23));
        PaymentMethod withinADay = PaymentMethod.create(visa("123"), key);
        emu.emulator().advanceClock(Duration.ofHours(1));
        PaymentMethod afterADay = PaymentMethod.create(visa("123"), key);

        assertEquals(first.getId(), withinADay.getId());
        assertNotEquals(first.getId(), afterADay.getId(), "a pruned key makes a new request");
    }

    @Test
    void aRequestRefusedBeforeItActedLeavesTheKeyUnused() {
        String key = UUID.randomUUID().toString();
        TestHttp.Answer refused = post(key, "type=card&card[numbr]=4242424242424242");
        TestHttp.Answer retried = post(key, "type=card&card[number]=4242424242424242&card[exp_month]=12&card[exp_year]="
                + sdk.futureYear());

        assertEquals(400, refused.status(), refused.body());
        assertEquals(200, retried.status(), retried.body());
        assertEquals(null, retried.header("Idempotent-Replayed"));
    }

    private static TestHttp.Answer post(String key, String form) {
        return new TestHttp(emu.emulator().baseUrl()).sendToRoot("POST", "/v1/payment_methods", form, Map.of(
                "Authorization", "Bearer " + emu.emulator().services().publishableKey(),
                "Content-Type", "application/x-www-form-urlencoded", "Idempotency-Key", key));
    }

    private static RequestOptions withKey(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private static PaymentMethodCreateParams visa(String cvc) {
        return PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
                .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber("4242424242424242").setExpMonth(12L)
                        .setExpYear(sdk.futureYear()).setCvc(cvc).build()).build();
    }
}
