package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ModelsLab never handles raw card data: cards are tokenised with Stripe and only {@code pm_...} ids
 * reach the API. A request carrying a card number or security code — a field named like one, or a
 * value that is a card number (in the body, the query, the path or the Idempotency-Key) — is refused
 * before anything reads, stores or logs it; the answer names the field, never its value.
 */
final class CardDataPolicy {

    private static final Set<String> CARD_FIELDS = Set.of(
            "number", "card_number", "cardnumber", "pan", "cvc", "cvv", "cvc2", "cvv2", "card[number]", "card[cvc]");

    private CardDataPolicy() {
    }

    static void check(Context http, JsonNode body) {
        String field = firstCardField(body, "");
        if (field == null) {
            field = firstCardParameter(http);
        }
        if (field != null) {
            throw new ApiProblem(422, "card_data_not_accepted",
                    "Raw card data is never accepted. Tokenise the card with Stripe (publishable key from "
                            + "GET /billing/stripe-config) and send its payment_method_id (pm_...).",
                    Map.of(field, List.of("Raw card data is not accepted; send a Stripe payment_method_id instead.")));
        }
    }

    private static String firstCardParameter(Context http) {
        for (Map.Entry<String, List<String>> parameter : http.queryParamMap().entrySet()) {
            if (parameter.getValue().stream().anyMatch(CardDataPolicy::isCardNumber) || isCardNumber(parameter.getKey())) {
                return parameter.getKey();
            }
        }
        for (Map.Entry<String, String> parameter : http.pathParamMap().entrySet()) {
            if (isCardNumber(parameter.getValue())) {
                return parameter.getKey();
            }
        }
        String key = http.header("Idempotency-Key");
        return key != null && isCardNumber(key) ? "Idempotency-Key" : null;
    }

    /**
     * A value that is, as a whole, a card number. Digit runs inside longer text are not refused: an
     * email or a URL with a long number in it (a timestamp, an order id) passes the Luhn check one
     * time in ten, and refusing it would be the API's mistake (such runs are masked in the log and
     * the journal all the same).
     */
    private static boolean isCardNumber(String value) {
        return CardNumbers.looksLikeOne(value.trim());
    }

    private static String firstCardField(JsonNode node, String prefix) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isTextual() && isCardNumber(item.asText())) {
                    return prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
                }
                String found = firstCardField(item, prefix);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (CARD_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT)) && !value.isNull()
                    || value.isTextual() && isCardNumber(value.asText())
                    || value.isIntegralNumber() && CardNumbers.looksLikeOne(value.asText())) {
                return name;
            }
            String nested = firstCardField(value, name + ".");
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
