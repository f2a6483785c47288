package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's {@code expand[]}: a field holding an object's id is replaced by the object, and dotted paths
 * ({@code latest_charge.payment_method}) go on into it, up to four levels. A field Stripe does not
 * expand is a 400, as on Stripe. A publishable key expands only what it may read ({@code payment_method}
 * of an intent, as Stripe.js does).
 */
final class Expansion {

    /** Stripe's deepest expansion. */
    private static final int MOST_LEVELS = 4;

    /** The expandable fields of each object Stripe defines and the fake Stripe serves (Stripe's API reference). */
    private static final Map<String, Set<String>> EXPANDABLE = Map.of(
            "payment_intent", Set.of("application", "customer", "latest_charge", "on_behalf_of", "payment_method", "review",
                    "source"),
            "setup_intent", Set.of("application", "customer", "latest_attempt", "mandate", "on_behalf_of", "payment_method",
                    "single_use_mandate"),
            "payment_method", Set.of("customer"),
            "charge", Set.of("application", "application_fee", "balance_transaction", "customer", "failure_balance_transaction",
                    "on_behalf_of", "payment_intent", "review", "source_transfer"),
            "checkout.session", Set.of("customer", "invoice", "payment_intent", "payment_link", "setup_intent", "subscription"),
            "customer", Set.of("default_source"),
            "token", Set.of());

    /** What a publishable key may expand, per object. */
    private static final Map<String, Set<String>> PUBLISHABLE = Map.of(
            "payment_intent", Set.of("payment_method"),
            "setup_intent", Set.of("payment_method"));

    private Expansion() {
    }

    /** Expands each of {@code paths} in {@code node} (changed in place). */
    static ObjectNode apply(StripeObjects objects, ObjectNode node, List<String> paths) {
        for (String path : paths) {
            if (path.isBlank()) {
                continue;
            }
            String[] levels = path.split("\\.");
            if (levels.length > MOST_LEVELS) {
                throw StripeError.invalidRequest(400, null, "expand", "You cannot expand more than " + MOST_LEVELS
                        + " levels of a property. Property: " + path);
            }
            expand(objects, node, levels, 0, path);
        }
        return node;
    }

    private static void expand(StripeObjects objects, ObjectNode node, String[] levels, int level, String path) {
        String field = levels[level];
        String type = node.path("object").asText();
        Set<String> allowed = (objects.access() == Access.PUBLISHABLE ? PUBLISHABLE : EXPANDABLE).getOrDefault(type, Set.of());
        if (!allowed.contains(field) || !node.has(field)) {
            throw StripeError.invalidRequest(400, null, "expand", "This property cannot be expanded (" + field + ").");
        }
        JsonNode value = node.get(field);
        if (value.isNull()) {
            return;
        }
        ObjectNode expanded;
        if (value.isObject()) {
            expanded = (ObjectNode) value;
        } else {
            String id = value.asText();
            expanded = objects.byId(id).orElseThrow(() -> StripeError.invalidRequest(400, null, "expand",
                    "The fake Stripe cannot expand " + field + " (" + id + "): it does not serve that kind of object."));
            node.set(field, expanded);
        }
        if (level + 1 < levels.length) {
            expand(objects, expanded, levels, level + 1, path);
        }
    }
}
