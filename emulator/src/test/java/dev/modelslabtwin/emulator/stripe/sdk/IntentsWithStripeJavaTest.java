package dev.modelslabtwin.emulator.stripe.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.checkout.Session;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.SetupIntentConfirmParams;
import com.stripe.param.SetupIntentRetrieveParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intents ModelsLab's API makes, read and confirmed with stripe-java and the publishable key — only
 * through their client secret, seeing only the fields Stripe shows a publishable key — through the 3D
 * Secure states; and what a publishable key may not read at all.
 */
class IntentsWithStripeJavaTest {

    @RegisterExtension
    static final StripeSdk sdk = new StripeSdk();
    static final TestEmulator emu = sdk.emulator();

    @Test
    void aSetupIntentConfirmedWithItsClientSecretSavesTheCard() throws StripeException {
        JsonNode created = sdk.setupIntent();
        SetupIntent intent = SetupIntent.retrieve(created.path("setup_intent_id").asText(), withSecret(created), null);

        SetupIntent confirmed = intent.confirm(SetupIntentConfirmParams.builder().setPaymentMethod("pm_card_visa")
                .putExtraParam("client_secret", created.path("client_secret").asText()).addExpand("payment_method").build());

        assertEquals("succeeded", confirmed.getStatus());
        assertEquals("visa", confirmed.getPaymentMethodObject().getCard().getBrand());
        assertNull(confirmed.getCustomer(), "a publishable key does not see the customer");
        assertTrue(SetupIntent.retrieve(intent.getId(), sdk.secretView()).getCustomer().startsWith("cus_"));
    }

    @Test
    void aSetupIntentConfirmedWithThePublishableKeyAndNoClientSecretIsRefused() throws StripeException {
        JsonNode created = sdk.setupIntent();
        SetupIntent intent = SetupIntent.retrieve(created.path("setup_intent_id").asText(), withSecret(created), null);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> intent.confirm(
                SetupIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()));

        assertEquals(400, refused.getStatusCode());
        assertEquals("parameter_missing", refused.getCode());
        assertEquals("client_secret", refused.getParam());
        assertEquals("requires_payment_method", SetupIntent.retrieve(intent.getId(), withSecret(created), null).getStatus());
    }

    @Test
    void aSetupIntentIsReadWithThePublishableKeyOnlyWithItsClientSecret() {
        JsonNode created = sdk.setupIntent();

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> SetupIntent.retrieve(created.path("setup_intent_id").asText()));

        assertEquals("client_secret", refused.getParam());
    }

    @Test
    void aPaymentIntentIsReadWithItsClientSecretAndShowsThePublishableFields() throws StripeException {
        JsonNode payment = fund("pm_card_authenticationRequired", 202).path("data").path("payment");
        String id = payment.path("payment_intent_id").asText();

        assertThrows(InvalidRequestException.class, () -> PaymentIntent.retrieve(id));
        PaymentIntent seen = PaymentIntent.retrieve(id, PaymentIntentRetrieveParams.builder()
                .setClientSecret(payment.path("client_secret").asText()).build(), null);
        PaymentIntent full = PaymentIntent.retrieve(id, sdk.secretView());

        assertEquals("requires_action", seen.getStatus());
        assertEquals(3000L, seen.getAmount());
        assertEquals("redirect_to_url", seen.getNextAction().getType());
        assertEquals(payment.path("next_action_url").asText(), seen.getNextAction().getRedirectToUrl().getUrl());
        assertNull(seen.getCustomer(), "customer is not retrievable with a publishable key");
        assertNull(seen.getMetadata());
        assertNull(seen.getAmountReceived());
        assertTrue(full.getCustomer().startsWith("cus_"));
        assertEquals(0L, full.getAmountReceived());
    }

    @Test
    void threeDSecureTakesAPaymentFromRequiresActionToSucceededWithAnAuthenticatedCharge() throws StripeException {
        String id = fund("pm_card_threeDSecure2Required", 202).path("data").path("payment").path("payment_intent_id").asText();

        authenticate(id, "approve");
        PaymentIntent paid = PaymentIntent.retrieve(id, PaymentIntentRetrieveParams.builder().addExpand("latest_charge")
                .build(), sdk.secretView());

        assertEquals("succeeded", paid.getStatus());
        assertNull(paid.getNextAction());
        Charge charge = paid.getLatestChargeObject();
        assertEquals("succeeded", charge.getStatus());
        assertTrue(charge.getPaid());
        assertEquals("authenticated", charge.getPaymentMethodDetails().getCard().getThreeDSecure().getResult());
        assertEquals("authorized", charge.getOutcome().getType());
    }

    @Test
    void failedThreeDSecureLeavesThePaymentWithAnAuthenticationFailure() throws StripeException {
        String id = fund("pm_card_authenticationRequired", 202).path("data").path("payment").path("payment_intent_id").asText();

        authenticate(id, "fail");
        PaymentIntent failed = PaymentIntent.retrieve(id, sdk.secretView());

        assertEquals("requires_payment_method", failed.getStatus());
        assertEquals("payment_intent_authentication_failure", failed.getLastPaymentError().getCode());
        assertNull(failed.getLatestCharge(), "no charge was attempted");
    }

    @Test
    void aDeclinedPaymentIsConfirmedAgainWithItsClientSecretAndANewCard() throws StripeException {
        JsonNode error = fund("pm_card_chargeCustomerFail", 402).path("error").path("details");
        String id = error.path("payment_intent_id").asText();
        PaymentIntent full = PaymentIntent.retrieve(id, sdk.secretView());
        assertEquals("generic_decline", full.getLastPaymentError().getDeclineCode());
        assertEquals(full.getLatestCharge(), full.getLastPaymentError().getCharge());
        PaymentIntent intent = PaymentIntent.retrieve(id, PaymentIntentRetrieveParams.builder()
                .setClientSecret(full.getClientSecret()).build(), null);

        CardException declined = assertThrows(CardException.class, () -> intent.confirm(PaymentIntentConfirmParams.builder()
                .setPaymentMethod("pm_card_visa_chargeDeclinedInsufficientFunds")
                .putExtraParam("client_secret", full.getClientSecret()).build()));
        PaymentIntent paid = intent.confirm(PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa")
                .putExtraParam("client_secret", full.getClientSecret()).build());

        assertEquals("insufficient_funds", declined.getDeclineCode());
        assertTrue(declined.getCharge().startsWith("ch_"));
        assertEquals("succeeded", paid.getStatus());
    }

    @Test
    void thePublishableKeyMayNotReadPaymentMethodsCheckoutSessionsOrCharges() throws StripeException {
        PaymentMethod card = PaymentMethod.create(com.stripe.param.PaymentMethodCreateParams.builder()
                .setType(com.stripe.param.PaymentMethodCreateParams.Type.CARD)
                .setCard(com.stripe.param.PaymentMethodCreateParams.Token.builder().setToken("tok_visa").build()).build());
        String session = emu.as(emu.newAccount().token()).post("/wallet/fund", "{\"amount\": 25}").json().path("data")
                .path("session_id").asText();

        for (StripeCall call : new StripeCall[] {() -> PaymentMethod.retrieve(card.getId()), () -> Session.retrieve(session),
                () -> Charge.retrieve("ch_anything")}) {
            AuthenticationException refused = assertThrows(AuthenticationException.class, call::run);
            assertEquals(401, refused.getStatusCode());
        }
        Session read = Session.retrieve(session, SessionRetrieveParams.builder().addExpand("payment_intent").build(),
                sdk.secretView());
        assertEquals("open", read.getStatus());
        assertNotNull(read.getUrl());
    }

    @FunctionalInterface
    private interface StripeCall {
        Object run() throws StripeException;
    }

    private static SetupIntentRetrieveParams withSecret(JsonNode created) {
        return SetupIntentRetrieveParams.builder().setClientSecret(created.path("client_secret").asText()).build();
    }

    private static JsonNode fund(String card, int status) {
        TestHttp api = emu.as(emu.newAccount().token());
        TestHttp.Answer answer = api.post("/wallet/fund", "{\"amount\": 30, \"payment_method_id\": \"" + card + "\"}");
        assertEquals(status, answer.status(), answer.body());
        return answer.json();
    }

    private static void authenticate(String intentId, String outcome) {
        TestHttp.Answer answer = emu.controlPost("/payments/" + intentId + "/authenticate", "{\"outcome\": \"" + outcome + "\"}");
        assertEquals(200, answer.status(), answer.body());
    }
}
