package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ModelsLab never handles raw card data: cards are tokenised with Stripe and only {@code pm_...} ids
 * reach the API. A body carrying a card number or security code is refused before anything reads,
 * stores or logs it; the answer names the field, never its value.
 */
final class CardDataPolicy {

    private static final Set<String> CARD_FIELDS = Set.of(
            "number", "card_number", "cardnumber", "pan", "cvc", "cvv", "cvc2", "cvv2", "card[number]", "card[cvc]");

    private CardDataPolicy() {
    }

    static void check(JsonNode body) {
        String field = firstCardField(body, "");
        if (field != null) {
            throw new ApiProblem(422, "card_data_not_accepted",
                    "Raw card data is never accepted. Tokenise the card with Stripe (publishable key from "
                            + "GET /billing/stripe-config) and send its payment_method_id (pm_...).",
                    Map.of(field, List.of("Raw card data is not accepted; send a Stripe payment_method_id instead.")));
        }
    }

    private static String firstCardField(JsonNode node, String prefix) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
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
            if (CARD_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT)) && !field.getValue().isNull()) {
                return name;
            }
            String nested = firstCardField(field.getValue(), name + ".");
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
