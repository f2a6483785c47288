package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CardNetwork;
import dev.modelslabtwin.emulator.stripe.Charges;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.stripe.TestCards;

import java.sql.Connection;
import java.util.Set;
import java.util.function.Supplier;

/**
 * SetupIntents and PaymentIntents made by the API, read and confirmed as Stripe lets a client do it
 * (with the publishable key, through the intent's {@code client_secret}). The card logic is the {@code stripe}
 * package's: this class reads Stripe's parameters, calls it and maps its outcomes to Stripe's objects
 * and errors.
 */
final class IntentOperations {

    /**
     * What a confirm's transaction produced: the object to answer with, or the decline to refuse with
     * once the transaction (which keeps the declined intent, as Stripe does) is committed.
     */
    private record Confirmed(ObjectNode answer, StripeError refusal) {

        static Confirmed answer(ObjectNode answer) {
            return new Confirmed(answer, null);
        }

        static Confirmed refusal(StripeError refusal) {
            return new Confirmed(null, refusal);
        }

        ObjectNode answerOrRefusal() {
            if (refusal != null) {
                throw refusal;
            }
            return answer;
        }
    }

    private static final Set<String> CONFIRM_FREE_FORM = Set.of("payment_method_data[metadata][", "mandate_data[",
            "payment_method_options[");
    private static final Set<String> CONFIRM = CardOperations.union(Set.of("payment_method", "client_secret",
            "return_url", "use_stripe_sdk", "expected_payment_method_type"), CardOperations.paymentMethodDataParameters());

    ObjectNode retrieveSetupIntent(StripeApi.StripeRequest request) {
        request.form().allowOnly(Set.of("client_secret"), Set.of());
        String id = request.pathParam("id");
        return request.services().database().transaction(db -> {
            StripeObjects objects = request.objects(db);
            return request.expanded(objects, objects.setupIntent(setupIntent(db, id, request, false)));
        });
    }

    /**
     * {@code POST /v1/setup_intents/{id}/confirm} with {@code payment_method} or
     * {@code payment_method_data[...]}: succeeded (the card saved to the account), requires_action
     * (3D Secure), or 402 with the SetupIntent left in requires_payment_method.
     */
    ObjectNode confirmSetupIntent(StripeApi.StripeRequest request) {
        StripeForm form = request.form();
        form.allowOnly(CONFIRM, CONFIRM_FREE_FORM);
        String id = request.pathParam("id");
        return request.services().database().transaction(db -> {
            StripeObjects objects = request.objects(db);
            SetupIntents.SetupIntent intent = setupIntent(db, id, request, true);
            if (intent.requiresAction()) {
                return Confirmed.answer(request.expanded(objects, objects.setupIntent(intent)));
            }
            if (!intent.status().equals(SetupIntents.REQUIRES_PAYMENT_METHOD)) {
                throw StripeError.invalidRequest(400, "setup_intent_unexpected_state", null,
                        "You cannot confirm this SetupIntent because it has already " + intent.status() + ".")
                        .with("setup_intent", objects.setupIntent(intent));
            }
            String card = paymentMethod(db, request, "SetupIntent");
            SetupIntents.SetupIntent ended = withKnownCard(card, () -> SetupIntents.confirm(db, id, card, request.now()));
            if (ended.declined()) {
                return Confirmed.refusal(declined(objects, db, ended.decline(), ended.paymentMethodId(), null)
                        .with("setup_intent", objects.setupIntent(ended)));
            }
            return Confirmed.answer(request.expanded(objects, objects.setupIntent(ended)));
        }).answerOrRefusal();
    }

    ObjectNode retrievePaymentIntent(StripeApi.StripeRequest request) {
        request.form().allowOnly(Set.of("client_secret"), Set.of());
        String id = request.pathParam("id");
        return request.services().database().transaction(db -> {
            StripeObjects objects = request.objects(db);
            return request.expanded(objects, objects.paymentIntent(paymentIntent(db, id, request, false)));
        });
    }

    /**
     * {@code POST /v1/payment_intents/{id}/confirm}: a PaymentIntent declined earlier is charged again
     * with the new card (its purpose — a wallet top-up, a Checkout payment — fulfilled if it succeeds);
     * one awaiting 3D Secure is answered as it is until a person authenticates on the
     * {@code next_action} page; a succeeded one cannot be confirmed again.
     */
    ObjectNode confirmPaymentIntent(StripeApi.StripeRequest request) {
        StripeForm form = request.form();
        form.allowOnly(CardOperations.union(CONFIRM, Set.of("receipt_email", "setup_future_usage", "save_payment_method")),
                CONFIRM_FREE_FORM);
        String id = request.pathParam("id");
        PaymentIntents intents = request.paymentIntents();
        return request.services().database().transaction(db -> {
            StripeObjects objects = request.objects(db);
            PaymentIntents.PaymentIntent intent = paymentIntent(db, id, request, true);
            if (intent.requiresAction()) {
                return Confirmed.answer(request.expanded(objects, objects.paymentIntent(intent)));
            }
            if (!intent.status().equals(PaymentIntents.REQUIRES_PAYMENT_METHOD)) {
                String state = intent.succeeded() ? "already succeeded after being previously confirmed"
                        : "a status of " + intent.status();
                throw StripeError.invalidRequest(400, "payment_intent_unexpected_state", null,
                        "You cannot confirm this PaymentIntent because it has " + state + ".")
                        .with("payment_intent", objects.paymentIntent(intent));
            }
            String card = paymentMethod(db, request, "PaymentIntent");
            PaymentIntents.PaymentIntent ended = withKnownCard(card, () -> intents.confirm(db, id, card, request.now()));
            if (ended.declined()) {
                return Confirmed.refusal(declined(objects, db, ended.decline(), ended.paymentMethodId(),
                        ended.latestChargeId()).with("payment_intent", objects.paymentIntent(ended)));
            }
            return Confirmed.answer(request.expanded(objects, objects.paymentIntent(ended)));
        }).answerOrRefusal();
    }

    private static SetupIntents.SetupIntent setupIntent(Connection db, String id, StripeApi.StripeRequest request,
                                                        boolean confirming) {
        SetupIntents.SetupIntent intent = SetupIntents.find(db, id)
                .orElseThrow(() -> StripeError.notFound("setupintent", "intent", id));
        checkClientSecret(request, intent.clientSecret(), "SetupIntent", confirming);
        return intent;
    }

    private static PaymentIntents.PaymentIntent paymentIntent(Connection db, String id, StripeApi.StripeRequest request,
                                                              boolean confirming) {
        PaymentIntents.PaymentIntent intent = request.paymentIntents().find(db, id)
                .orElseThrow(() -> StripeError.notFound("payment_intent", "intent", id));
        checkClientSecret(request, intent.clientSecret(), "PaymentIntent", confirming);
        return intent;
    }

    /**
     * With the publishable key an intent is read or confirmed through its client secret ("required if
     * you use a publishable key", Stripe's API reference): missing, it is a missing parameter; wrong, a
     * mismatch. The secret key needs none: it may name one when reading, but Stripe refuses it on a
     * confirm as an unknown parameter.
     */
    private static void checkClientSecret(StripeApi.StripeRequest request, String clientSecret, String kind,
                                          boolean confirming) {
        StripeForm form = request.form();
        if (request.access() == Access.SECRET) {
            if (confirming && form.has("client_secret")) {
                throw StripeError.invalidRequest(400, "parameter_unknown", "client_secret",
                        "Received unknown parameter: client_secret");
            }
            if (!form.has("client_secret")) {
                return;
            }
        }
        if (!form.has("client_secret")) {
            throw StripeError.invalidRequest(400, "parameter_missing", "client_secret", "Missing required param: "
                    + "client_secret. A publishable key reads and confirms a " + kind + " only with its client_secret "
                    + "(as ModelsLab's API returned it).");
        }
        if (!form.get("client_secret").equals(clientSecret)) {
            throw StripeError.invalidRequest(400, null, "client_secret", "The client_secret provided does not match the "
                    + "client_secret associated with the " + kind + ".");
        }
    }

    /** The card a confirm names: {@code payment_method} (an id or a {@code pm_card_*} test id) or new card data. */
    private static String paymentMethod(Connection db, StripeApi.StripeRequest request, String kind) {
        StripeForm form = request.form();
        boolean data = form.hasAny("payment_method_data[");
        if (form.has("payment_method") && data) {
            throw StripeError.invalidRequest(400, null, "payment_method_data",
                    "You cannot provide both payment_method and payment_method_data.");
        }
        if (data) {
            return CardOperations.paymentMethodData(db, form, request).id();
        }
        if (!form.has("payment_method")) {
            throw StripeError.invalidRequest(400, "parameter_missing", "payment_method", "You cannot confirm this "
                    + kind + " because it's missing a payment method. Pass payment_method (pm_...) or "
                    + "payment_method_data[type]=card with payment_method_data[card][...].");
        }
        String paymentMethod = form.get("payment_method");
        if (paymentMethod.startsWith("tok_")) {
            throw StripeError.invalidRequest(404, "resource_missing", "payment_method", "No such PaymentMethod: '"
                    + paymentMethod + "'. A token is not a PaymentMethod: confirm with payment_method_data[type]=card and "
                    + "payment_method_data[card][token]=" + paymentMethod + ", or make a PaymentMethod from it first "
                    + "(POST /v1/payment_methods with card[token]).");
        }
        return paymentMethod;
    }

    /**
     * A core 404 for the named card (unknown, or another account's) as Stripe's {@code resource_missing};
     * a spent one (used once without being saved) as Stripe's 400 refusal of it.
     */
    private static <T> T withKnownCard(String paymentMethodId, Supplier<T> work) {
        try {
            return work.get();
        } catch (PaymentMethods.SpentPaymentMethod spent) {
            throw StripeError.invalidRequest(400, null, "payment_method", PaymentMethods.SpentPaymentMethod.MESSAGE);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                throw StripeError.notFound("PaymentMethod", "payment_method", paymentMethodId);
            }
            throw problem;
        }
    }

    /** A decline as Stripe's 402 card_error, naming the field Stripe names for it, with the declined card and charge. */
    private static StripeError declined(StripeObjects objects, Connection db, TestCards.Decline decline,
                                        String paymentMethodId, String chargeId) {
        StripeError error = StripeError.card(decline.code(), decline.declineCode(), decline.param(), decline.message());
        String advice = CardNetwork.adviceCode(decline);
        if (advice != null) {
            error.with("advice_code", StripeObjects.text(advice));
        }
        if (chargeId != null && Charges.find(db, chargeId).filter(charge -> !charge.succeeded()).isPresent()) {
            error.with("charge", StripeObjects.text(chargeId));
        }
        return error.with("payment_method", objects.paymentMethod(PaymentMethods.find(db, paymentMethodId).orElseThrow()));
    }
}
