package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.control.model.AuthenticationRequest;
import dev.modelslabtwin.emulator.control.model.CheckoutPaymentRequest;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.stripe.CardTokens;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.stripe.TestCardSteps;
import dev.modelslabtwin.emulator.stripe.TestCards;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The control routes that do what a person does on Stripe's pages, and the test-card matrix. */
final class PaymentOperations implements PaymentsApi {

    /** Numbers that show the tokenisation step's refusals: one failing the Luhn check, one real (non-test) card. */
    private static final List<String> REFUSED_AT_TOKENISATION = List.of("4242424242424241", "4111111111111111");

    private final Services services;
    private final PaymentIntents paymentIntents;

    PaymentOperations(EmulatorControl control) {
        this.services = control.services();
        this.paymentIntents = control.paymentIntents();
    }

    /**
     * The test-card matrix, so tools can discover which card, PaymentMethod id or token does what and at
     * which step it fails: tokenisation ({@code POST /v1/payment_methods}, {@code POST /v1/tokens}),
     * attach (saving the card, confirming a SetupIntent), charge, or after 3D Secure.
     */
    @Override
    public Object listTestCards() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TestCards.TestCard card : TestCards.all()) {
            TestCardSteps steps = TestCardSteps.of(card);
            TestCards.Decline failure = steps.failure();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", card.numberIsOwn() ? card.number() : null);
            row.put("payment_method", card.paymentMethod());
            row.put("payment_methods", card.paymentMethods());
            row.put("tokens", card.tokens());
            row.put("brand", card.brand());
            row.put("funding", card.funding());
            row.put("country", card.country());
            row.put("behaviour", card.behaviour());
            row.put("fails_at", steps.failsAt());
            row.put("error_code", failure == null ? null : failure.code());
            row.put("decline_code", failure == null ? null : failure.declineCode());
            row.put("message", failure == null ? null : failure.message());
            row.put("declined_on_attach", declineCode(steps.onAttach()));
            row.put("declined_on_charge", declineCode(steps.chargeDecline()));
            row.put("requires_authentication", steps.requiresAuthentication());
            row.put("three_d_secure", card.threeDSecure().name().toLowerCase(Locale.ROOT));
            row.put("declined_after_authentication", declineCode(steps.declineAfterAuthentication()));
            row.put("risk_level", card.risk().name().toLowerCase(Locale.ROOT));
            row.put("only_when_cvc_sent", card.cvcCheck() == TestCards.Check.FAIL);
            row.put("only_when_postal_code_sent", card.postalCodeCheck() == TestCards.Check.FAIL);
            row.put("unmodelled", card.unmodelled());
            rows.add(row);
        }
        rows.addAll(refusedAtTokenisation(services.clock().instant()));
        return rows;
    }

    /** The refusals of the tokenisation step, read off the checks themselves rather than restated. */
    private static List<Map<String, Object>> refusedAtTokenisation(Instant now) {
        int validYear = now.atZone(ZoneOffset.UTC).getYear() + 3;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String number : REFUSED_AT_TOKENISATION) {
            try {
                CardTokens.check(new CardTokens.RawCard(number, 12, validYear, null), now);
                throw new IllegalStateException(number + " was meant to show a refusal at tokenisation");
            } catch (CardTokens.Refused refused) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("number", number);
                row.put("behaviour", "refused when tokenised (" + refused.code() + ")");
                row.put("fails_at", "tokenization");
                row.put("error_code", refused.code());
                row.put("decline_code", refused.declineCode());
                row.put("message", refused.getMessage());
                rows.add(row);
            }
        }
        return rows;
    }

    private static String declineCode(TestCards.Decline decline) {
        return decline == null ? null : decline.declineCode();
    }

    /**
     * Passes or fails the 3D Secure step of a payment (or of a SetupIntent, {@code seti_...}), as the
     * person on the bank's page would.
     */
    @Override
    public Object authenticatePayment(String paymentIntentId, AuthenticationRequest request) {
        boolean approved = request.getOutcome() == AuthenticationRequest.OutcomeEnum.APPROVE;
        if (paymentIntentId.startsWith("seti_")) {
            return setupState(services.database().transaction(db ->
                    SetupIntents.completeAuthentication(db, paymentIntentId, approved, services.clock().instant())));
        }
        return paymentState(services.database().transaction(db ->
                paymentIntents.completeAuthentication(db, paymentIntentId, approved, services.clock().instant())));
    }

    /**
     * Pays a Checkout Session with a card, as a person on the hosted page would: the answer is the
     * payment, succeeded, declined (what the page shows, not a failure of this call) or awaiting 3D Secure.
     */
    @Override
    public Object payCheckoutSession(String sessionId, CheckoutPaymentRequest request) {
        String paymentMethod = request.getPaymentMethod();
        PaymentIntents.PaymentIntent intent = services.database().transaction(db ->
                CheckoutSessions.pay(db, paymentIntents, sessionId, paymentMethod, services.clock().instant()));
        Map<String, Object> answer = new LinkedHashMap<>(paymentState(intent));
        answer.put("session_id", sessionId);
        return answer;
    }

    private static Map<String, Object> setupState(SetupIntents.SetupIntent intent) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("setup_intent_id", intent.id());
        state.put("status", intent.status());
        state.put("decline_code", intent.declineCode());
        state.put("payment_method", intent.paymentMethodId());
        return state;
    }

    private static Map<String, Object> paymentState(PaymentIntents.PaymentIntent intent) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("payment_intent_id", intent.id());
        state.put("status", intent.status());
        state.put("decline_code", intent.declineCode());
        state.put("amount", intent.amount());
        return state;
    }
}
