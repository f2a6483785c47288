package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.BillingDetails;
import dev.modelslabtwin.emulator.stripe.CardNetwork;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.Charges;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.stripe.TestCards;
import dev.modelslabtwin.emulator.stripe.Tokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fake Stripe's objects in Stripe's JSON shape, every field Stripe always returns present ({@code
 * object}, {@code id}, amounts in cents, epoch-second times, explicit nulls for what the emulator does
 * not model), so Stripe's SDKs deserialise them as they would Stripe's. One instance renders for one
 * request: its {@link Access} decides what a publishable key sees (the subset Stripe documents for
 * intents, {@code metadata} redacted), and objects are found by id for {@code expand[]}.
 */
final class StripeObjects {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The PaymentIntent fields a publishable key sees: Stripe's object reference marks them "retrievable
     * with publishable key"; stripe-js's PaymentIntent type lists the same ones.
     */
    static final Set<String> PUBLISHABLE_PAYMENT_INTENT = Set.of("id", "object", "amount", "automatic_payment_methods",
            "canceled_at", "cancellation_reason", "capture_method", "client_secret", "confirmation_method", "created",
            "currency", "description", "last_payment_error", "livemode", "next_action", "payment_method",
            "payment_method_types", "processing", "receipt_email", "setup_future_usage", "shipping", "status");
    /** The SetupIntent fields a publishable key sees (same sources). */
    static final Set<String> PUBLISHABLE_SETUP_INTENT = Set.of("id", "object", "cancellation_reason", "client_secret",
            "created", "description", "last_setup_error", "livemode", "next_action", "payment_method",
            "payment_method_types", "status", "usage");

    private final Connection db;
    private final PaymentIntents intents;
    private final Access access;
    private final String publicRoot;
    private final Instant now;

    StripeObjects(Connection db, PaymentIntents intents, Access access, String publicRoot, Instant now) {
        this.db = db;
        this.intents = intents;
        this.access = access;
        this.publicRoot = publicRoot;
        this.now = now;
    }

    Access access() {
        return access;
    }

    /** The object with this id, as this request may see it; empty for an unknown id. */
    Optional<ObjectNode> byId(String id) {
        if (id.startsWith("pm_")) {
            return PaymentMethods.find(db, id).map(this::paymentMethod);
        }
        if (id.startsWith("pi_")) {
            return intents.find(db, id).map(this::paymentIntent);
        }
        if (id.startsWith("seti_")) {
            return SetupIntents.find(db, id).map(this::setupIntent);
        }
        if (id.startsWith("ch_")) {
            return Charges.find(db, id).map(this::charge);
        }
        if (id.startsWith("cs_")) {
            return CheckoutSessions.find(db, id).map(this::checkoutSession);
        }
        if (id.startsWith("cus_")) {
            return customer(id);
        }
        if (id.startsWith("tok_")) {
            return Tokens.find(db, id).map(this::token);
        }
        return Optional.empty();
    }

    ObjectNode paymentMethod(PaymentMethods.Card card) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", card.id());
        node.put("object", "payment_method");
        node.put("allow_redisplay", "unspecified");
        BillingDetails billing = card.billingDetails() == null ? BillingDetails.NONE : card.billingDetails();
        node.set("billing_details", billing.toStripe());
        TestCards.TestCard row = card.testCard();
        ObjectNode details = node.putObject("card");
        details.put("brand", row.brand());
        details.set("checks", checks(card, card.saved() || card.usedByPaymentIntent() != null));
        details.put("country", row.country());
        details.put("display_brand", displayBrand(row));
        details.put("exp_month", card.expMonth());
        details.put("exp_year", card.expYear());
        details.put("fingerprint", fingerprint(row.number()));
        details.put("funding", card.funding());
        details.putNull("generated_from");
        details.put("last4", card.last4());
        ObjectNode networks = details.putObject("networks");
        ArrayNode available = networks.putArray("available");
        available.add(row.brand());
        if (!row.displayBrand().equals(row.brand())) {
            available.add(row.displayBrand());
        }
        networks.putNull("preferred");
        details.put("regulated_status", "unregulated");
        details.putObject("three_d_secure_usage").put("supported", row.threeDSecure() != TestCards.ThreeDSecure.NOT_SUPPORTED);
        details.putNull("wallet");
        node.put("created", card.createdAt().getEpochSecond());
        node.set("customer", customerId(card.accountId()));
        node.putNull("customer_account");
        node.put("livemode", false);
        node.set("metadata", metadata(card.metadata()));
        node.put("type", "card");
        return node;
    }

    ObjectNode token(Tokens.Token token) {
        TestCards.TestCard row = token.testCard();
        BillingDetails billing = token.billingDetails();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", token.id());
        node.put("object", "token");
        ObjectNode card = node.putObject("card");
        card.put("id", token.cardId());
        card.put("object", "card");
        card.put("address_city", billing.city());
        card.put("address_country", billing.country());
        card.put("address_line1", billing.line1());
        card.put("address_line1_check", billing.line1Sent() ? "unchecked" : null);
        card.put("address_line2", billing.line2());
        card.put("address_state", billing.state());
        card.put("address_zip", billing.postalCode());
        card.put("address_zip_check", billing.postalCodeSent() ? "unchecked" : null);
        card.put("brand", legacyBrand(row.brand()));
        card.put("country", row.country());
        card.put("cvc_check", token.cvcProvided() ? "unchecked" : null);
        card.putNull("dynamic_last4");
        card.put("exp_month", token.expMonth());
        card.put("exp_year", token.expYear());
        card.put("fingerprint", fingerprint(row.number()));
        card.put("funding", row.funding());
        card.put("last4", row.last4());
        card.set("metadata", metadata(null));
        card.put("name", billing.name());
        card.put("regulated_status", "unregulated");
        card.putNull("tokenization_method");
        node.put("client_ip", token.clientIp());
        node.put("created", token.createdAt().getEpochSecond());
        node.put("livemode", false);
        node.put("type", "card");
        node.put("used", token.used());
        return node;
    }

    ObjectNode paymentIntent(PaymentIntents.PaymentIntent intent) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", intent.id());
        node.put("object", "payment_intent");
        node.putNull("allowed_payment_method_types");
        node.put("amount", cents(intent.amount()));
        node.put("amount_capturable", 0);
        node.put("amount_received", intent.succeeded() ? cents(intent.amount()) : 0);
        node.putNull("application");
        node.putNull("application_fee_amount");
        node.putNull("automatic_payment_methods");
        boolean canceled = PaymentIntents.CANCELED.equals(intent.status());
        if (canceled) {
            node.put("canceled_at", intent.updatedAt().getEpochSecond());
            node.put("cancellation_reason", "abandoned");
        } else {
            node.putNull("canceled_at");
            node.putNull("cancellation_reason");
        }
        node.put("capture_method", "automatic");
        node.put("client_secret", intent.clientSecret());
        node.put("confirmation_method", "automatic");
        node.put("created", intent.createdAt().getEpochSecond());
        node.put("currency", "usd");
        node.set("customer", customerId(intent.accountId()));
        node.putNull("customer_account");
        node.put("description", description(intent.purpose()));
        node.putNull("excluded_payment_method_types");
        node.set("last_payment_error", lastError(intent.declineCode(), intent.paymentMethodId(), intent.latestChargeId(),
                "payment_intent"));
        node.set("latest_charge", text(intent.latestChargeId()));
        node.put("livemode", false);
        node.putNull("managed_payments");
        node.putObject("metadata");
        node.set("next_action", nextAction(intent.requiresAction(), intent.id()));
        node.putNull("on_behalf_of");
        // After a decline Stripe clears payment_method; the card stays under last_payment_error.
        boolean declined = PaymentIntents.REQUIRES_PAYMENT_METHOD.equals(intent.status());
        node.set("payment_method", text(declined ? null : intent.paymentMethodId()));
        node.putNull("payment_method_configuration_details");
        ObjectNode card = node.putObject("payment_method_options").putObject("card");
        card.putNull("installments");
        card.putNull("mandate_options");
        card.putNull("network");
        card.put("request_three_d_secure", "automatic");
        node.putArray("payment_method_types").add("card");
        node.putNull("processing");
        node.putNull("receipt_email");
        node.putNull("review");
        node.putNull("setup_future_usage");
        node.putNull("shipping");
        node.putNull("source");
        node.putNull("statement_descriptor");
        node.putNull("statement_descriptor_suffix");
        node.put("status", intent.status());
        node.putNull("transfer_group");
        return access == Access.PUBLISHABLE ? only(node, PUBLISHABLE_PAYMENT_INTENT) : node;
    }

    ObjectNode setupIntent(SetupIntents.SetupIntent intent) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", intent.id());
        node.put("object", "setup_intent");
        node.putNull("allowed_payment_method_types");
        node.putNull("application");
        node.putNull("automatic_payment_methods");
        node.putNull("cancellation_reason");
        node.put("client_secret", intent.clientSecret());
        node.put("created", intent.createdAt().getEpochSecond());
        node.set("customer", customerId(intent.accountId()));
        node.putNull("description");
        node.putNull("excluded_payment_method_types");
        node.set("last_setup_error", lastError(intent.declineCode(), intent.paymentMethodId(), null, "setup_intent"));
        node.putNull("latest_attempt");
        node.put("livemode", false);
        node.putNull("mandate");
        node.putObject("metadata");
        node.set("next_action", nextAction(intent.requiresAction(), intent.id()));
        node.putNull("on_behalf_of");
        boolean declined = SetupIntents.REQUIRES_PAYMENT_METHOD.equals(intent.status());
        node.set("payment_method", text(declined ? null : intent.paymentMethodId()));
        node.putNull("payment_method_configuration_details");
        ObjectNode card = node.putObject("payment_method_options").putObject("card");
        card.putNull("mandate_options");
        card.putNull("network");
        card.put("request_three_d_secure", "automatic");
        node.putArray("payment_method_types").add("card");
        node.putNull("single_use_mandate");
        node.put("status", intent.status());
        node.put("usage", "off_session");
        return access == Access.PUBLISHABLE ? only(node, PUBLISHABLE_SETUP_INTENT) : node;
    }

    ObjectNode charge(Charges.Charge charge) {
        PaymentMethods.Card card = PaymentMethods.find(db, charge.paymentMethodId()).orElseThrow();
        PaymentIntents.PaymentIntent intent = intents.find(db, charge.paymentIntentId()).orElseThrow();
        TestCards.TestCard row = card.testCard();
        boolean succeeded = charge.succeeded();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", charge.id());
        node.put("object", "charge");
        node.put("amount", cents(charge.amount()));
        node.put("amount_captured", succeeded ? cents(charge.amount()) : 0);
        node.put("amount_refunded", 0);
        node.putNull("application");
        node.putNull("application_fee");
        node.putNull("application_fee_amount");
        node.putNull("balance_transaction");
        node.set("billing_details", (card.billingDetails() == null ? BillingDetails.NONE : card.billingDetails()).toStripe());
        node.putNull("calculated_statement_descriptor");
        node.put("captured", succeeded);
        node.put("created", charge.createdAt().getEpochSecond());
        node.put("currency", "usd");
        node.set("customer", customerId(intent.accountId()));
        node.put("description", description(intent.purpose()));
        node.put("disputed", false);
        node.putNull("failure_balance_transaction");
        node.put("failure_code", charge.failureCode());
        node.set("failure_message", text(charge.declineCode() == null ? null
                : TestCards.Decline.byDeclineCode(charge.declineCode()).map(TestCards.Decline::message).orElse(null)));
        node.putObject("fraud_details");
        node.put("livemode", false);
        node.putObject("metadata");
        node.putNull("on_behalf_of");
        CardNetwork.Outcome outcome = charge.outcome();
        ObjectNode result = node.putObject("outcome");
        result.put("advice_code", outcome.adviceCode());
        result.putNull("network_advice_code");
        result.putNull("network_decline_code");
        result.put("network_status", outcome.networkStatus());
        result.put("reason", outcome.reason());
        result.put("risk_level", outcome.riskLevel());
        result.put("risk_score", outcome.riskScore());
        result.put("seller_message", outcome.sellerMessage());
        result.put("type", outcome.type());
        node.put("paid", succeeded);
        node.put("payment_intent", charge.paymentIntentId());
        node.put("payment_method", charge.paymentMethodId());
        ObjectNode method = node.putObject("payment_method_details");
        ObjectNode details = method.putObject("card");
        details.set("amount_authorized", succeeded ? JSON.getNodeFactory().numberNode(cents(charge.amount())) : JSON.nullNode());
        details.putNull("authorization_code");
        details.put("brand", row.brand());
        details.set("checks", checks(card, true));
        details.put("country", row.country());
        details.put("exp_month", card.expMonth());
        details.put("exp_year", card.expYear());
        details.put("fingerprint", fingerprint(row.number()));
        details.put("funding", card.funding());
        details.putNull("installments");
        details.put("last4", card.last4());
        details.putNull("mandate");
        details.put("network", row.brand());
        details.putNull("network_transaction_id");
        details.put("regulated_status", "unregulated");
        if (charge.threeDSecure()) {
            ObjectNode secure = details.putObject("three_d_secure");
            secure.put("authentication_flow", "challenge");
            secure.put("electronic_commerce_indicator", "05");
            secure.putNull("exemption_indicator");
            secure.put("result", "authenticated");
            secure.putNull("result_reason");
            secure.put("version", "2.2.0");
        } else {
            details.putNull("three_d_secure");
        }
        details.putNull("transaction_link_id");
        details.putNull("wallet");
        method.put("type", "card");
        node.putNull("receipt_email");
        node.putNull("receipt_number");
        node.putNull("receipt_url");
        node.put("refunded", false);
        node.putNull("review");
        node.putNull("shipping");
        node.putNull("source");
        node.putNull("source_transfer");
        node.putNull("statement_descriptor");
        node.putNull("statement_descriptor_suffix");
        node.put("status", charge.status());
        node.putNull("transfer_data");
        node.putNull("transfer_group");
        return node;
    }

    ObjectNode checkoutSession(CheckoutSessions.Session session) {
        String status = session.status(now);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", session.id());
        node.put("object", "checkout.session");
        node.putNull("adaptive_pricing");
        node.putNull("after_expiration");
        node.putNull("allow_promotion_codes");
        node.put("amount_subtotal", cents(session.amount()));
        node.put("amount_total", cents(session.amount()));
        ObjectNode tax = node.putObject("automatic_tax");
        tax.put("enabled", false);
        tax.putNull("liability");
        tax.putNull("provider");
        tax.putNull("status");
        node.putNull("billing_address_collection");
        node.set("cancel_url", text(session.cancelUrl()));
        node.putNull("client_reference_id");
        node.putNull("client_secret");
        node.putNull("collected_information");
        node.putNull("consent");
        node.putNull("consent_collection");
        node.put("created", session.createdAt().getEpochSecond());
        node.put("currency", "usd");
        node.putNull("currency_conversion");
        node.putArray("custom_fields");
        ObjectNode text = node.putObject("custom_text");
        for (String field : List.of("after_submit", "shipping_address", "submit", "terms_of_service_acceptance")) {
            text.putNull(field);
        }
        node.set("customer", customerId(session.accountId()));
        node.putNull("customer_account");
        node.putNull("customer_creation");
        node.set("customer_details", session.paid() ? customerDetails(session.accountId()) : JSON.nullNode());
        node.putNull("customer_email");
        node.putArray("discounts");
        node.put("expires_at", session.expiresAt().getEpochSecond());
        node.putNull("integration_identifier");
        node.putNull("invoice");
        node.putNull("invoice_creation");
        node.put("livemode", false);
        node.putNull("locale");
        node.putNull("managed_payments");
        node.putObject("metadata");
        node.put("mode", CheckoutSessions.PURPOSE_SUBSCRIBE.equals(session.purpose()) ? "subscription" : "payment");
        node.putNull("origin_context");
        node.set("payment_intent", text(session.paymentIntentId()));
        node.putNull("payment_link");
        node.put("payment_method_collection", "always");
        node.putNull("payment_method_configuration_details");
        node.putNull("payment_method_options");
        node.putArray("payment_method_types").add("card");
        node.put("payment_status", session.paid() ? "paid" : "unpaid");
        node.putNull("permissions");
        node.putNull("recovered_from");
        node.putNull("saved_payment_method_options");
        node.putNull("setup_intent");
        node.putNull("shipping_address_collection");
        node.putNull("shipping_cost");
        node.putArray("shipping_options");
        node.put("status", status);
        node.putNull("submit_type");
        node.putNull("subscription");
        node.set("success_url", text(session.successUrl()));
        ObjectNode totals = node.putObject("total_details");
        totals.put("amount_discount", 0);
        totals.put("amount_shipping", 0);
        totals.put("amount_tax", 0);
        node.put("ui_mode", "hosted");
        node.set("url", text(status.equals("open") ? publicRoot + session.pagePath() : null));
        node.putNull("wallet_options");
        return node;
    }

    /** The Customer a ModelsLab account is on the fake Stripe account: its email, name and default card. */
    Optional<ObjectNode> customer(String customerId) {
        return Sql.one(db, "SELECT id FROM accounts WHERE stripe_customer_id = ?", row -> row.getLong(1), customerId)
                .flatMap(id -> Accounts.find(db, id)).map(account -> {
                    ObjectNode node = JSON.createObjectNode();
                    node.put("id", customerId);
                    node.put("object", "customer");
                    node.putNull("address");
                    node.put("balance", 0);
                    node.put("created", account.createdAt().getEpochSecond());
                    node.putNull("currency");
                    node.putNull("default_source");
                    node.put("delinquent", false);
                    node.putNull("description");
                    node.putNull("discount");
                    node.put("email", account.email());
                    node.put("invoice_prefix", customerId.substring(4, Math.min(customerId.length(), 12))
                            .toUpperCase(Locale.ROOT));
                    ObjectNode invoicing = node.putObject("invoice_settings");
                    invoicing.putNull("custom_fields");
                    invoicing.set("default_payment_method", text(PaymentMethods.defaultFor(db, account.id())
                            .map(PaymentMethods.Card::id).orElse(null)));
                    invoicing.putNull("footer");
                    invoicing.putNull("rendering_options");
                    node.put("livemode", false);
                    node.putObject("metadata");
                    node.put("name", account.name());
                    node.put("next_invoice_sequence", 1);
                    node.putNull("phone");
                    node.putArray("preferred_locales");
                    node.putNull("shipping");
                    node.put("tax_exempt", "none");
                    node.putNull("test_clock");
                    return node;
                });
    }

    /**
     * A card's checks: once it has been verified (saved to a customer, or charged), the result of each
     * check whose data was sent; before that Stripe reports what was sent as {@code unchecked}.
     */
    private ObjectNode checks(PaymentMethods.Card card, boolean verified) {
        CardNetwork.Checks result = CardNetwork.checks(card);
        ObjectNode checks = JSON.createObjectNode();
        checks.put("address_line1_check", checkValue(result.line1(), verified));
        checks.put("address_postal_code_check", checkValue(result.postalCode(), verified));
        checks.put("cvc_check", checkValue(result.cvc(), verified));
        return checks;
    }

    private static String checkValue(String result, boolean verified) {
        return result == null ? null : verified ? result : "unchecked";
    }

    private ObjectNode customerDetails(long accountId) {
        ObjectNode details = JSON.createObjectNode();
        Accounts.Account account = Accounts.find(db, accountId).orElseThrow();
        details.putNull("address");
        details.put("email", account.email());
        details.put("name", account.name());
        details.putNull("phone");
        details.put("tax_exempt", "none");
        details.putArray("tax_ids");
        return details;
    }

    /** Stripe's {@code next_action} while an intent awaits 3D Secure: the emulator's own authentication page. */
    private JsonNode nextAction(boolean requiresAction, String intentId) {
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
     * Stripe's {@code last_payment_error} / {@code last_setup_error}: a card decline as a {@code card_error}
     * (with the failed charge), a failed 3D Secure step as Stripe's {@code *_authentication_failure}.
     */
    private JsonNode lastError(String declineCode, String paymentMethodId, String chargeId, String intentKind) {
        if (declineCode == null) {
            return JSON.nullNode();
        }
        TestCards.Decline decline = TestCards.Decline.byDeclineCode(declineCode)
                .orElse(new TestCards.Decline("card_declined", declineCode, "Your card was declined."));
        ObjectNode error = JSON.createObjectNode();
        if (decline == TestCards.AUTHENTICATION_FAILED) {
            error.put("code", intentKind + "_authentication_failure");
            error.put("doc_url", StripeError.docUrl(intentKind + "_authentication_failure"));
            error.put("message", "We are unable to authenticate your payment method. Please choose a different "
                    + "payment method and try again.");
        } else {
            String advice = CardNetwork.adviceCode(decline);
            if (advice != null) {
                error.put("advice_code", advice);
            }
            if (chargeId != null) {
                error.put("charge", chargeId);
            }
            error.put("code", decline.code());
            error.put("decline_code", decline.declineCode());
            error.put("doc_url", StripeError.docUrl(decline.code()));
            error.put("message", decline.message());
            if (decline.param() != null) {
                error.put("param", decline.param());
            }
        }
        if (paymentMethodId != null) {
            PaymentMethods.find(db, paymentMethodId).ifPresent(card -> error.set("payment_method", paymentMethod(card)));
        }
        error.put("type", decline == TestCards.AUTHENTICATION_FAILED ? "invalid_request_error" : "card_error");
        return error;
    }

    /** Stripe redacts metadata in answers to publishable-key requests. */
    private JsonNode metadata(String stored) {
        if (stored == null || access == Access.PUBLISHABLE) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not JSON", e);
        }
    }

    private static ObjectNode only(ObjectNode node, Set<String> fields) {
        node.retain(fields);
        return node;
    }

    static JsonNode text(String value) {
        return value == null ? JSON.nullNode() : JSON.getNodeFactory().textNode(value);
    }

    private JsonNode customerId(Long accountId) {
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

    /** Stripe's {@code display_brand} names. */
    private static String displayBrand(TestCards.TestCard row) {
        return switch (row.displayBrand()) {
            case "amex" -> "american_express";
            case "diners" -> "diners_club";
            case "eftpos_au" -> "eftpos_australia";
            default -> row.displayBrand();
        };
    }

    /** The brand names of Stripe's older card objects (a token's {@code card}). */
    private static String legacyBrand(String brand) {
        return switch (brand) {
            case "visa" -> "Visa";
            case "mastercard" -> "MasterCard";
            case "amex" -> "American Express";
            case "discover" -> "Discover";
            case "diners" -> "Diners Club";
            case "jcb" -> "JCB";
            case "unionpay" -> "UnionPay";
            default -> "Unknown";
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
