package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CardTokens;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.stripe.TestCards;

import java.sql.Connection;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What each fake Stripe route does (see {@link StripeApi}). The card logic is the {@code stripe}
 * package's: this class only reads Stripe's parameters, calls it and maps its outcomes to Stripe's
 * objects and errors.
 */
final class StripeOperations {

    private static final Set<String> CARD_FIELDS = Set.of("number", "exp_month", "exp_year", "cvc");
    private static final Set<String> CONFIRM_FREE_FORM = Set.of("payment_method_data[billing_details][",
            "payment_method_data[metadata][", "mandate_data[", "payment_method_options[", "metadata[");

    private final Services services;
    private final PaymentIntents paymentIntents;

    /**
     * What a confirm's transaction produced: the object to answer with, or the decline to refuse with
     * once the transaction (which keeps the declined intent, as Stripe does) is committed.
     */
    private record Confirmed(ObjectNode answer, StripeError refusal) {

        ObjectNode answerOrRefusal() {
            if (refusal != null) {
                throw refusal;
            }
            return answer;
        }
    }

    StripeOperations(Services services, PaymentIntents paymentIntents) {
        this.services = services;
        this.paymentIntents = paymentIntents;
    }

    /** {@code POST /v1/payment_methods}: tokenises a card with the publishable key. */
    ObjectNode createPaymentMethod(StripeApi.StripeRequest request) {
        StripeForm form = request.form();
        form.allowOnly(union(Set.of("type", "allow_redisplay"), prefixed("card[", CARD_FIELDS, "]")),
                Set.of("billing_details[", "metadata["));
        String type = form.required("type");
        requireCard(type, "type");
        CardTokens.RawCard card = rawCard(form, "card[", "]");
        return services.database().transaction(db -> StripeObjects.paymentMethod(db, tokenise(db, card)));
    }

    ObjectNode retrievePaymentMethod(StripeApi.StripeRequest request) {
        String id = request.pathParam("id");
        return services.database().transaction(db -> StripeObjects.paymentMethod(db, PaymentMethods.find(db, id)
                .orElseThrow(() -> StripeError.notFound("payment_method", "payment_method", id))));
    }

    ObjectNode retrieveSetupIntent(StripeApi.StripeRequest request) {
        request.form().allowOnly(Set.of("client_secret"), Set.of());
        String id = request.pathParam("id");
        return services.database().transaction(db -> StripeObjects.setupIntent(db, setupIntent(db, id, request.form()),
                request.publicRoot(), request.form().expand()));
    }

    /**
     * {@code POST /v1/setup_intents/{id}/confirm} with {@code payment_method} or
     * {@code payment_method_data[...]}: succeeded (the card saved to the account), requires_action
     * (3D Secure), or 402 with the SetupIntent left in requires_payment_method.
     */
    ObjectNode confirmSetupIntent(StripeApi.StripeRequest request) {
        StripeForm form = request.form();
        form.allowOnly(confirmParameters(), CONFIRM_FREE_FORM);
        String id = request.pathParam("id");
        Instant now = services.clock().instant();
        return services.database().transaction(db -> {
            SetupIntents.SetupIntent intent = setupIntent(db, id, form);
            if (intent.requiresAction()) {
                return new Confirmed(StripeObjects.setupIntent(db, intent, request.publicRoot(), form.expand()), null);
            }
            if (!intent.status().equals(SetupIntents.REQUIRES_PAYMENT_METHOD)) {
                throw StripeError.invalidRequest(400, "setup_intent_unexpected_state", null,
                        "You cannot confirm this SetupIntent because it has already " + intent.status() + ".")
                        .with("setup_intent", StripeObjects.setupIntent(db, intent, request.publicRoot(), List.of()));
            }
            String card = paymentMethod(db, form, "SetupIntent");
            SetupIntents.SetupIntent ended = withKnownCard(card, () -> SetupIntents.confirm(db, id, card, now));
            if (ended.declined()) {
                return new Confirmed(null, declined(db, ended.decline(), ended.paymentMethodId())
                        .with("setup_intent", StripeObjects.setupIntent(db, ended, request.publicRoot(), List.of())));
            }
            return new Confirmed(StripeObjects.setupIntent(db, ended, request.publicRoot(), form.expand()), null);
        }).answerOrRefusal();
    }

    ObjectNode retrievePaymentIntent(StripeApi.StripeRequest request) {
        request.form().allowOnly(Set.of("client_secret"), Set.of());
        String id = request.pathParam("id");
        return services.database().transaction(db -> StripeObjects.paymentIntent(db, paymentIntent(db, id, request.form()),
                request.publicRoot(), request.form().expand()));
    }

    /**
     * {@code POST /v1/payment_intents/{id}/confirm}: a PaymentIntent declined earlier is charged again
     * with the new card (its purpose — a wallet top-up, a Checkout payment — fulfilled if it succeeds);
     * one awaiting 3D Secure is answered as it is until a person authenticates on the
     * {@code next_action} page; a succeeded one cannot be confirmed again.
     */
    ObjectNode confirmPaymentIntent(StripeApi.StripeRequest request) {
        StripeForm form = request.form();
        form.allowOnly(union(confirmParameters(), Set.of("receipt_email", "setup_future_usage", "save_payment_method")),
                CONFIRM_FREE_FORM);
        String id = request.pathParam("id");
        Instant now = services.clock().instant();
        PaymentIntents intents = paymentIntents;
        return services.database().transaction(db -> {
            PaymentIntents.PaymentIntent intent = paymentIntent(db, id, form);
            if (intent.requiresAction()) {
                return new Confirmed(StripeObjects.paymentIntent(db, intent, request.publicRoot(), form.expand()), null);
            }
            if (!intent.status().equals(PaymentIntents.REQUIRES_PAYMENT_METHOD)) {
                String state = intent.succeeded() ? "already succeeded after being previously confirmed"
                        : "a status of " + intent.status();
                throw StripeError.invalidRequest(400, "payment_intent_unexpected_state", null,
                        "You cannot confirm this PaymentIntent because it has " + state + ".")
                        .with("payment_intent", StripeObjects.paymentIntent(db, intent, request.publicRoot(), List.of()));
            }
            String card = paymentMethod(db, form, "PaymentIntent");
            PaymentIntents.PaymentIntent ended = withKnownCard(card, () -> intents.confirm(db, id, card, now));
            if (ended.declined()) {
                return new Confirmed(null, declined(db, ended.decline(), ended.paymentMethodId())
                        .with("payment_intent", StripeObjects.paymentIntent(db, ended, request.publicRoot(), List.of())));
            }
            return new Confirmed(StripeObjects.paymentIntent(db, ended, request.publicRoot(), form.expand()), null);
        }).answerOrRefusal();
    }

    ObjectNode retrieveCheckoutSession(StripeApi.StripeRequest request) {
        String id = request.pathParam("id");
        return services.database().transaction(db -> StripeObjects.checkoutSession(db, CheckoutSessions.find(db, id)
                .orElseThrow(() -> StripeError.notFound("checkout.session", "session", id)),
                services.clock().instant(), request.publicRoot()));
    }

    /**
     * The SetupIntent {@code id}. With the publishable key Stripe reads intents by their client secret;
     * the documented SetupIntent flow sends none, so a missing secret is accepted, a wrong one is not.
     */
    private static SetupIntents.SetupIntent setupIntent(Connection db, String id, StripeForm form) {
        SetupIntents.SetupIntent intent = SetupIntents.find(db, id)
                .orElseThrow(() -> StripeError.notFound("setupintent", "intent", id));
        requireSecret(form, intent.clientSecret(), "SetupIntent");
        return intent;
    }

    private PaymentIntents.PaymentIntent paymentIntent(Connection db, String id, StripeForm form) {
        PaymentIntents.PaymentIntent intent = paymentIntents.find(db, id)
                .orElseThrow(() -> StripeError.notFound("payment_intent", "intent", id));
        requireSecret(form, intent.clientSecret(), "PaymentIntent");
        return intent;
    }

    private static void requireSecret(StripeForm form, String clientSecret, String kind) {
        if (form.has("client_secret") && !form.get("client_secret").equals(clientSecret)) {
            throw StripeError.invalidRequest(400, null, "client_secret", "The client_secret provided does not match the "
                    + "client_secret associated with the " + kind + ".");
        }
    }

    /** The card a confirm names: {@code payment_method} (an id or a {@code pm_card_*} shortcut) or new card data. */
    private String paymentMethod(Connection db, StripeForm form, String kind) {
        boolean data = form.hasAny("payment_method_data[");
        if (form.has("payment_method") && data) {
            throw StripeError.invalidRequest(400, null, "payment_method_data",
                    "You cannot provide both payment_method and payment_method_data.");
        }
        if (data) {
            requireCard(form.required("payment_method_data[type]"), "payment_method_data[type]");
            return tokenise(db, rawCard(form, "payment_method_data[card][", "]")).id();
        }
        if (!form.has("payment_method")) {
            throw StripeError.invalidRequest(400, "parameter_missing", "payment_method", "You cannot confirm this "
                    + kind + " because it's missing a payment method. Pass payment_method (pm_...) or "
                    + "payment_method_data[type]=card with payment_method_data[card][...].");
        }
        return form.get("payment_method");
    }

    private PaymentMethods.Card tokenise(Connection db, CardTokens.RawCard card) {
        try {
            return CardTokens.tokenise(db, card, services.clock().instant());
        } catch (CardTokens.Refused refused) {
            throw StripeError.card(refused.code(), refused.declineCode(), refused.param(), refused.getMessage());
        }
    }

    /** Card data under {@code prefix}: a missing field is a card error naming it, as Stripe's is. */
    private static CardTokens.RawCard rawCard(StripeForm form, String prefix, String suffix) {
        if (!form.has(prefix + "number" + suffix)) {
            throw StripeError.card("invalid_number", null, "number", "The card object must have a value for 'number'.");
        }
        if (!form.has(prefix + "exp_month" + suffix)) {
            throw StripeError.card("invalid_expiry_month", null, "exp_month",
                    "The card object must have a value for 'exp_month'.");
        }
        if (!form.has(prefix + "exp_year" + suffix)) {
            throw StripeError.card("invalid_expiry_year", null, "exp_year",
                    "The card object must have a value for 'exp_year'.");
        }
        return new CardTokens.RawCard(form.get(prefix + "number" + suffix),
                form.requiredInteger(prefix + "exp_month" + suffix), form.requiredInteger(prefix + "exp_year" + suffix),
                form.get(prefix + "cvc" + suffix));
    }

    private static void requireCard(String type, String param) {
        if (!type.equals("card")) {
            throw StripeError.invalidRequest(400, null, param, "Invalid " + param + ": the fake Stripe supports card "
                    + "only (" + param + "=card).");
        }
    }

    /** A core 404 for the named card (unknown, or another account's) as Stripe's {@code resource_missing}. */
    private static <T> T withKnownCard(String paymentMethodId, Work<T> work) {
        try {
            return work.run();
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                throw StripeError.notFound("PaymentMethod", "payment_method", paymentMethodId);
            }
            throw problem;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() ;
    }

    /** A decline as Stripe's 402 card_error, naming the field Stripe names for it, with the declined card. */
    private static StripeError declined(Connection db, TestCards.Decline decline, String paymentMethodId) {
        String param = switch (decline.code()) {
            case "expired_card" -> "exp_month";
            case "incorrect_cvc" -> "cvc";
            default -> null;
        };
        return StripeError.card(decline.code(), decline.declineCode(), param, decline.message())
                .with("payment_method", StripeObjects.paymentMethod(db, PaymentMethods.find(db, paymentMethodId).orElseThrow()));
    }

    private static Set<String> confirmParameters() {
        return union(Set.of("payment_method", "client_secret", "return_url", "use_stripe_sdk", "payment_method_data[type]",
                "payment_method_data[allow_redisplay]"), prefixed("payment_method_data[card][", CARD_FIELDS, "]"));
    }

    private static Set<String> prefixed(String prefix, Set<String> names, String suffix) {
        return names.stream().map(name -> prefix + name + suffix).collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
