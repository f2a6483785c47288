package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Services;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CardDeclined;
import dev.modelslabtwin.emulator.stripe.CardTokens;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.stripe.TestCards;
import dev.modelslabtwin.emulator.wallet.Usage;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each control route does; see {@link ControlApi}. */
final class ControlOperations {

    private final Services services;

    ControlOperations(Services services) {
        this.services = services;
    }

    /** Numbers that show the tokenisation step's refusals: one failing the Luhn check, one real (non-test) card. */
    private static final List<String> REFUSED_AT_TOKENISATION = List.of("4242424242424241", "4111111111111111");

    /**
     * The test-card matrix, so tools can discover which card does what and at which step: tokenisation
     * ({@code POST /v1/payment_methods}), attach (saving the card, confirming a SetupIntent) or charge.
     */
    Object testCards(Context http, JsonNode body) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (TestCards.TestCard card : TestCards.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", card.number());
            row.put("payment_method", card.paymentMethod());
            row.put("brand", card.brand());
            row.put("funding", card.funding());
            row.put("country", card.country());
            row.put("behaviour", card.behaviour());
            TestCards.Decline first = card.declineOnAttach() != null ? card.declineOnAttach() : card.declineOnCharge();
            row.put("fails_at", card.declineOnAttach() != null ? "attach" : card.declineOnCharge() != null ? "charge"
                    : card.declineAfterAuthentication() != null ? "after_authentication" : null);
            TestCards.Decline failure = first != null ? first : card.declineAfterAuthentication();
            row.put("error_code", failure == null ? null : failure.code());
            row.put("decline_code", failure == null ? null : failure.declineCode());
            row.put("message", failure == null ? null : failure.message());
            row.put("declined_on_attach", card.declineOnAttach() == null ? null : card.declineOnAttach().declineCode());
            row.put("declined_on_charge", card.declineOnCharge() == null ? null : card.declineOnCharge().declineCode());
            row.put("requires_authentication", card.authentication() == TestCards.Authentication.REQUIRED);
            row.put("declined_after_authentication", card.declineAfterAuthentication() == null ? null
                    : card.declineAfterAuthentication().declineCode());
            row.put("only_when_cvc_sent", card.declinesOnlyOnTheCvcCheck());
            rows.add(row);
        }
        java.time.Instant now = services.clock().instant();
        int validYear = now.atZone(java.time.ZoneOffset.UTC).getYear() + 3;
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

    Object clock(Context http, JsonNode body) {
        return Map.of("now", services.clock().instant().toString());
    }

    /** Moves emulated time forward by {@code seconds} or an ISO-8601 {@code duration} such as {@code PT25H}. */
    Object advanceClock(Context http, JsonNode body) {
        Duration by;
        if (body.hasNonNull("seconds") && body.get("seconds").canConvertToLong()) {
            by = Duration.ofSeconds(body.get("seconds").asLong());
        } else if (body.hasNonNull("duration")) {
            try {
                by = Duration.parse(body.get("duration").asText());
            } catch (DateTimeParseException e) {
                throw ControlApi.invalid("duration", "The duration must be ISO-8601, e.g. PT25H or P30D.");
            }
        } else {
            throw ControlApi.invalid("seconds", "Send seconds (a whole number) or duration (ISO-8601, e.g. PT25H).");
        }
        if (by.isNegative()) {
            throw ControlApi.invalid("seconds", "Emulated time only moves forward.");
        }
        java.time.Instant now = services.clock().advance(by);
        services.dueWork().runAll(now);
        return Map.of("now", now.toString());
    }

    /** Spends from an account's wallet as generation calls do; auto-funding reacts as it would. */
    Object spend(Context http, JsonNode body) {
        long accountId = pathId(http);
        BigDecimal amount = amount(body);
        requireAccount(accountId);
        String description = body.path("description").asText("Usage (emulator control API)");
        return Usage.spend(services, accountId, amount, description);
    }

    /** The verification code signup "emailed" to {@code ?email=}: the emulator's stand-in for an inbox. */
    Object verificationCode(Context http, JsonNode body) {
        String email = http.queryParam("email");
        if (email == null || email.isBlank()) {
            throw ControlApi.invalid("email", "Send ?email= with the address that signed up.");
        }
        return services.database().transaction(db -> Sql.one(db,
                "SELECT verification_code, verified FROM accounts WHERE email = ?", row -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("email", Accounts.normalise(email));
                    answer.put("verification_code", row.getString(1));
                    answer.put("verified", row.getBoolean(2));
                    return answer;
                }, Accounts.normalise(email)))
                .orElseThrow(() -> new ApiProblem(404, "not_found", "No account with email " + email + ".", Map.of()));
    }

    private void requireAccount(long accountId) {
        if (services.database().transaction(db -> Accounts.find(db, accountId)).isEmpty()) {
            throw new ApiProblem(404, "not_found", "No such account: " + accountId + ".", Map.of());
        }
    }

    /**
     * Passes or fails the 3D Secure step of a payment (or of a SetupIntent, {@code seti_...}), as the
     * person on the bank's page would.
     */
    Object authenticate(Context http, JsonNode body) {
        String paymentIntentId = http.pathParam("id");
        String outcome = body.path("outcome").asText("approve");
        if (!outcome.equals("approve") && !outcome.equals("fail")) {
            throw ControlApi.invalid("outcome", "The outcome must be approve or fail.");
        }
        if (paymentIntentId.startsWith("seti_")) {
            return setupState(services.database().transaction(db -> {
                try {
                    return SetupIntents.completeAuthentication(db, paymentIntentId, outcome.equals("approve"),
                            services.clock().instant());
                } catch (CardDeclined declined) {
                    return SetupIntents.find(db, paymentIntentId).orElseThrow();
                }
            }));
        }
        return paymentState(services.database().transaction(db -> {
            try {
                return services.paymentIntents().completeAuthentication(db, paymentIntentId, outcome.equals("approve"),
                        services.clock().instant());
            } catch (CardDeclined declined) {
                return services.paymentIntents().find(db, paymentIntentId).orElseThrow();
            }
        }));
    }

    /** Pays a Checkout Session with a card, as a person on the hosted page would. */
    Object payCheckoutSession(Context http, JsonNode body) {
        String sessionId = http.pathParam("id");
        String paymentMethod = body.path("payment_method").asText("pm_card_visa");
        PaymentIntents.PaymentIntent intent = services.database().transaction(db ->
                CheckoutSessions.pay(db, services.paymentIntents(), sessionId, paymentMethod, services.clock().instant()));
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

    private static long pathId(Context http) {
        try {
            return Long.parseLong(http.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiProblem(404, "not_found", "No such account: " + http.pathParam("id") + ".", Map.of());
        }
    }

    private static BigDecimal amount(JsonNode body) {
        JsonNode amount = body.get("amount");
        if (amount == null || !amount.isNumber() || amount.decimalValue().signum() <= 0 || amount.decimalValue().scale() > 2) {
            throw new ApiProblem(422, "validation_error", "The given data was invalid.",
                    Map.of("amount", List.of("The amount must be a positive number with at most two decimals.")));
        }
        return amount.decimalValue().setScale(2);
    }
}
