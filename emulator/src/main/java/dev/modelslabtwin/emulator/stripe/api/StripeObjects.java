package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.stripe.TestCards;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The emulator's Stripe objects in Stripe's JSON shape ({@code object}, {@code id}, amounts in cents,
 * times in epoch seconds, explicit nulls), so Stripe's SDKs deserialise them as they would Stripe's.
 * Requests made with the publishable key see {@code metadata} redacted to {@code {}}, as on Stripe.
 */
final class StripeObjects {

    static final ObjectMapper JSON = new ObjectMapper();

    private StripeObjects() {
    }

    static ObjectNode paymentMethod(Connection db, PaymentMethods.Card card) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", card.id());
        node.put("object", "payment_method");
        node.put("allow_redisplay", "unspecified");
        ObjectNode billing = node.putObject("billing_details");
        ObjectNode address = billing.putObject("address");
        for (String field : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
            address.putNull(field);
        }
        for (String field : List.of("email", "name", "phone")) {
            billing.putNull(field);
        }
        ObjectNode details = node.putObject("card");
        details.put("brand", card.brand());
        ObjectNode checks = details.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        if (card.cvcProvided()) {
            checks.put("cvc_check", card.accountId() == null ? "unchecked" : "pass");
        } else {
            checks.putNull("cvc_check");
        }
        details.put("country", card.country());
        details.put("display_brand", card.brand());
        details.put("exp_month", card.expMonth());
        details.put("exp_year", card.expYear());
        details.put("fingerprint", fingerprint(card.testCardNumber()));
        details.put("funding", card.funding());
        details.putNull("generated_from");
        details.put("last4", card.last4());
        ObjectNode networks = details.putObject("networks");
        networks.putArray("available").add(card.brand());
        networks.putNull("preferred");
        details.putObject("three_d_secure_usage").put("supported", true);
        details.putNull("wallet");
        node.put("created", card.createdAt().getEpochSecond());
        node.set("customer", customer(db, card.accountId()));
        node.put("livemode", false);
        node.putObject("metadata");
        node.put("type", "card");
        return node;
    }

    static ObjectNode paymentIntent(Connection db, PaymentIntents.PaymentIntent intent, String publicRoot,
                                    List<String> expand) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", intent.id());
        node.put("object", "payment_intent");
        node.put("amount", cents(intent.amount()));
        node.put("amount_received", intent.succeeded() ? cents(intent.amount()) : 0);
        node.putNull("canceled_at");
        node.put("capture_method", "automatic");
        node.put("client_secret", intent.clientSecret());
        node.put("confirmation_method", "automatic");
        node.put("created", intent.createdAt().getEpochSecond());
        node.put("currency", "usd");
        node.set("customer", customer(db, intent.accountId()));
        node.put("description", description(intent.purpose()));
        node.set("last_payment_error", lastError(db, intent.declineCode(), intent.paymentMethodId(), "payment_intent"));
        node.put("livemode", false);
        node.putObject("metadata");
        node.set("next_action", nextAction(intent.requiresAction(), intent.id(), publicRoot));
        // After a decline Stripe clears payment_method; the card stays under last_payment_error.
        boolean declined = PaymentIntents.REQUIRES_PAYMENT_METHOD.equals(intent.status());
        node.set("payment_method", paymentMethodField(db, declined ? null : intent.paymentMethodId(), expand));
        node.putArray("payment_method_types").add("card");
        node.put("status", intent.status());
        return node;
    }

    static ObjectNode setupIntent(Connection db, SetupIntents.SetupIntent intent, String publicRoot, List<String> expand) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", intent.id());
        node.put("object", "setup_intent");
        node.putNull("cancellation_reason");
        node.put("client_secret", intent.clientSecret());
        node.put("created", intent.createdAt().getEpochSecond());
        node.set("customer", customer(db, intent.accountId()));
        node.putNull("description");
        node.set("last_setup_error", lastError(db, intent.declineCode(), intent.paymentMethodId(), "setup_intent"));
        node.put("livemode", false);
        node.putObject("metadata");
        node.set("next_action", nextAction(intent.requiresAction(), intent.id(), publicRoot));
        boolean declined = SetupIntents.REQUIRES_PAYMENT_METHOD.equals(intent.status());
        node.set("payment_method", paymentMethodField(db, declined ? null : intent.paymentMethodId(), expand));
        node.putArray("payment_method_types").add("card");
        node.put("status", intent.status());
        node.put("usage", "off_session");
        return node;
    }

    static ObjectNode checkoutSession(Connection db, CheckoutSessions.Session session, Instant now, String publicRoot) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", session.id());
        node.put("object", "checkout.session");
        node.put("amount_subtotal", cents(session.amount()));
        node.put("amount_total", cents(session.amount()));
        node.set("cancel_url", text(session.cancelUrl()));
        node.put("created", session.createdAt().getEpochSecond());
        node.put("currency", "usd");
        node.set("customer", customer(db, session.accountId()));
        node.put("expires_at", session.expiresAt().getEpochSecond());
        node.put("livemode", false);
        node.putObject("metadata");
        node.put("mode", CheckoutSessions.PURPOSE_SUBSCRIBE.equals(session.purpose()) ? "subscription" : "payment");
        node.set("payment_intent", text(session.paymentIntentId()));
        node.putArray("payment_method_types").add("card");
        node.put("payment_status", session.paid() ? "paid" : "unpaid");
        node.put("status", session.status(now));
        node.set("success_url", text(session.successUrl()));
        node.set("url", text(session.status(now).equals("open") ? publicRoot + session.pagePath() : null));
        return node;
    }

    /** Stripe's {@code next_action} while an intent awaits 3D Secure: the emulator's own authentication page. */
    private static JsonNode nextAction(boolean requiresAction, String intentId, String publicRoot) {
        if (!requiresAction) {
            return JSON.nullNode();
        }
        ObjectNode action = JSON.createObjectNode();
        action.put("type", "redirect_to_url");
        ObjectNode redirect = action.putObject("redirect_to_url");
        redirect.putNull("return_url");
        redirect.put("url", publicRoot + PaymentIntents.authenticationPagePath(intentId));
        return action;
    }

    /**
     * Stripe's {@code last_payment_error} / {@code last_setup_error}: a card decline as a {@code card_error},
     * a failed 3D Secure step as Stripe's {@code *_authentication_failure}.
     */
    private static JsonNode lastError(Connection db, String declineCode, String paymentMethodId, String intentKind) {
        if (declineCode == null) {
            return JSON.nullNode();
        }
        TestCards.Decline decline = TestCards.Decline.byDeclineCode(declineCode)
                .orElse(new TestCards.Decline("card_declined", declineCode, "Your card was declined."));
        ObjectNode error = JSON.createObjectNode();
        if (decline == TestCards.AUTHENTICATION_FAILED) {
            error.put("code", intentKind + "_authentication_failure");
            error.put("message", "We are unable to authenticate your payment method. Please choose a different "
                    + "payment method and try again.");
            error.put("type", "invalid_request_error");
        } else {
            error.put("code", decline.code());
            error.put("decline_code", decline.declineCode());
            error.put("message", decline.message());
            error.put("type", "card_error");
        }
        if (paymentMethodId != null) {
            PaymentMethods.Card card = PaymentMethods.find(db, paymentMethodId).orElse(null);
            if (card != null) {
                error.set("payment_method", paymentMethod(db, card));
            }
        }
        return error;
    }

    private static JsonNode paymentMethodField(Connection db, String paymentMethodId, List<String> expand) {
        if (paymentMethodId == null) {
            return JSON.nullNode();
        }
        if (expand.contains("payment_method")) {
            PaymentMethods.Card card = PaymentMethods.find(db, paymentMethodId).orElse(null);
            if (card != null) {
                return paymentMethod(db, card);
            }
        }
        return text(paymentMethodId);
    }

    private static JsonNode text(String value) {
        return value == null ? JSON.nullNode() : JSON.getNodeFactory().textNode(value);
    }

    private static JsonNode customer(Connection db, Long accountId) {
        if (accountId == null) {
            return JSON.nullNode();
        }
        return text(Accounts.find(db, accountId).map(Accounts.Account::stripeCustomerId).orElse(null));
    }

    private static String description(ChargePurpose purpose) {
        return switch (purpose) {
            case WALLET_FUNDING -> "Wallet funding";
            case CHECKOUT -> "Checkout payment";
            default -> purpose.wireName().replace('_', ' ');
        };
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    /** The same card number always has the same fingerprint, as on Stripe; the number cannot be read back from it. */
    private static String fingerprint(String number) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("twin-fingerprint:" + number).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).replaceAll("[-_]", "").substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
