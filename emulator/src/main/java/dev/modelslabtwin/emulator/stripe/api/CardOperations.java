package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.stripe.BillingDetails;
import dev.modelslabtwin.emulator.stripe.CardTokens;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.TestCards;
import dev.modelslabtwin.emulator.stripe.Tokens;

import java.sql.Connection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tokenising cards: {@code POST /v1/payment_methods} (card data, or {@code card[token]}) and
 * {@code POST /v1/tokens}, both allowed with the publishable key, and reading what they made with the
 * secret key. The card checks are the {@code stripe} package's; this class reads Stripe's parameters.
 */
final class CardOperations {

    static final Set<String> CARD_FIELDS = Set.of("number", "exp_month", "exp_year", "cvc");
    /** {@code card[...]} on a token: the card fields plus the legacy address and name fields. */
    private static final Set<String> TOKEN_CARD_FIELDS = Set.of("number", "exp_month", "exp_year", "cvc", "name",
            "address_line1", "address_line2", "address_city", "address_state", "address_zip", "address_country", "currency");
    private static final Set<String> BILLING_FIELDS = Set.of("name", "email", "phone", "address][line1",
            "address][line2", "address][city", "address][state", "address][postal_code", "address][country");

    /** {@code POST /v1/payment_methods}: card data, or {@code card[token]=tok_...}. */
    ObjectNode createPaymentMethod(StripeApi.StripeRequest request) {
        StripeForm form = request.form();
        Set<String> allowed = union(Set.of("type", "allow_redisplay", "card[token]"), prefixed("card[", CARD_FIELDS, "]"),
                prefixed("billing_details[", BILLING_FIELDS, "]"));
        form.allowOnly(allowed, Set.of("metadata["));
        requireCard(form.required("type"), "type");
        BillingDetails billing = billingDetails(form, "billing_details");
        String metadata = form.object("metadata[");
        return request.services().database().transaction(db -> {
            StripeObjects objects = request.objects(db);
            PaymentMethods.Card card;
            if (form.has("card[token]")) {
                if (CARD_FIELDS.stream().anyMatch(field -> form.has("card[" + field + "]"))) {
                    throw StripeError.invalidRequest(400, null, "card[token]", "You cannot provide both card[token] and "
                            + "card details (card[number], card[exp_month], ...): send one or the other.");
                }
                card = redeem(db, form.get("card[token]"), billing.equals(BillingDetails.NONE) ? null : billing, metadata,
                        request, "card[token]");
            } else {
                card = tokenise(db, rawCard(form, "card[", "]"), billing, metadata, request);
            }
            return request.expanded(objects, objects.paymentMethod(card));
        });
    }

    /**
     * {@code POST /v1/tokens} with {@code card[...]}: Stripe's checks as on a PaymentMethod, then a
     * single-use token. The fake Stripe makes card tokens only.
     */
    ObjectNode createToken(StripeApi.StripeRequest request) {
        StripeForm form = request.form();
        form.allowOnly(prefixed("card[", TOKEN_CARD_FIELDS, "]"), Set.of("metadata["));
        if (!form.hasAny("card[")) {
            throw StripeError.invalidRequest(400, null, null, "You must supply either a card, customer, PII data, bank "
                    + "account, or account legal entity to create a token. (The fake Stripe makes card tokens only: "
                    + "card[number], card[exp_month], card[exp_year], card[cvc].)");
        }
        CardTokens.RawCard raw = rawCard(form, "card[", "]");
        BillingDetails billing = new BillingDetails(form.get("card[name]"), null, null, form.get("card[address_line1]"),
                form.get("card[address_line2]"), form.get("card[address_city]"), form.get("card[address_state]"),
                form.get("card[address_zip]"), form.get("card[address_country]"));
        return request.services().database().transaction(db -> {
            TestCards.TestCard card = check(raw, request);
            Tokens.Token token = Tokens.create(db, card, raw.expMonth(), CardTokens.fullYear(raw.expYear()), raw.cvcSent(),
                    billing, request.http().ip(), request.now());
            StripeObjects objects = request.objects(db);
            return request.expanded(objects, objects.token(token));
        });
    }

    /** New card data under {@code prefix} (a confirm's {@code payment_method_data[card][}) as a PaymentMethod. */
    static PaymentMethods.Card paymentMethodData(Connection db, StripeForm form, StripeApi.StripeRequest request) {
        requireCard(form.required("payment_method_data[type]"), "payment_method_data[type]");
        BillingDetails billing = billingDetails(form, "payment_method_data[billing_details]");
        String metadata = form.object("payment_method_data[metadata][");
        String token = form.get("payment_method_data[card][token]");
        if (token != null) {
            return redeem(db, token, billing.equals(BillingDetails.NONE) ? null : billing, metadata, request,
                    "payment_method_data[card][token]");
        }
        return tokenise(db, rawCard(form, "payment_method_data[card][", "]"), billing, metadata, request);
    }

    /** The parameters a confirm takes for new card data (with the telemetry Stripe.js nests in it). */
    static Set<String> paymentMethodDataParameters() {
        return union(Set.of("payment_method_data[type]", "payment_method_data[allow_redisplay]",
                        "payment_method_data[card][token]"), prefixed("payment_method_data[card][", CARD_FIELDS, "]"),
                prefixed("payment_method_data[billing_details][", BILLING_FIELDS, "]"),
                prefixed("payment_method_data[", Set.of("guid", "muid", "sid", "payment_user_agent", "time_on_page",
                        "referrer"), "]"));
    }

    private static PaymentMethods.Card redeem(Connection db, String token, BillingDetails billing, String metadata,
                                              StripeApi.StripeRequest request, String param) {
        try {
            return Tokens.redeem(db, token, billing, metadata, request.now());
        } catch (Tokens.Unusable unusable) {
            throw StripeError.invalidRequest(unusable.code().equals("resource_missing") ? 404 : 400, unusable.code(),
                    param, unusable.getMessage());
        }
    }

    private static PaymentMethods.Card tokenise(Connection db, CardTokens.RawCard card, BillingDetails billing,
                                                String metadata, StripeApi.StripeRequest request) {
        check(card, request);
        return CardTokens.tokenise(db, card, billing, metadata, request.now());
    }

    private static TestCards.TestCard check(CardTokens.RawCard card, StripeApi.StripeRequest request) {
        try {
            return CardTokens.check(card, request.now());
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

    private static BillingDetails billingDetails(StripeForm form, String prefix) {
        return new BillingDetails(form.get(prefix + "[name]"), form.get(prefix + "[email]"), form.get(prefix + "[phone]"),
                form.get(prefix + "[address][line1]"), form.get(prefix + "[address][line2]"),
                form.get(prefix + "[address][city]"), form.get(prefix + "[address][state]"),
                form.get(prefix + "[address][postal_code]"), form.get(prefix + "[address][country]"));
    }

    static void requireCard(String type, String param) {
        if (!type.equals("card")) {
            throw StripeError.invalidRequest(400, null, param, "Invalid " + param + ": the fake Stripe supports card "
                    + "only (" + param + "=card).");
        }
    }

    static Set<String> prefixed(String prefix, Set<String> names, String suffix) {
        return names.stream().map(name -> prefix + name + suffix).collect(Collectors.toSet());
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
