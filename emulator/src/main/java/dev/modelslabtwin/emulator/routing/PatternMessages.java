package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The messages a contract gives for a field that breaks its pattern ({@code x-pattern-message} next
 * to a property's {@code pattern}), e.g. why a Stripe token is no {@code payment_method_id}: the
 * validation error says what the contract says, not only that the format is invalid.
 */
final class PatternMessages {

    private final Map<String, String> byFieldAndPattern;

    private PatternMessages(Map<String, String> byFieldAndPattern) {
        this.byFieldAndPattern = byFieldAndPattern;
    }

    static PatternMessages none() {
        return new PatternMessages(Map.of());
    }

    /** Every {@code x-pattern-message} of the schemas' properties in {@code contract} (an OpenAPI document's tree). */
    static PatternMessages of(JsonNode contract) {
        Map<String, String> messages = new HashMap<>();
        contract.path("components").path("schemas").forEach(schema -> collect(schema, messages));
        return new PatternMessages(Map.copyOf(messages));
    }

    /** The contract's message for {@code field} breaking {@code pattern}, if it gives one. */
    Optional<String> forField(String field, String pattern) {
        return Optional.ofNullable(byFieldAndPattern.get(key(field, pattern)));
    }

    private static void collect(JsonNode schema, Map<String, String> messages) {
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode definition = property.getValue();
            if (definition.has("pattern") && definition.has("x-pattern-message")) {
                messages.put(key(property.getKey(), definition.get("pattern").asText()),
                        definition.get("x-pattern-message").asText());
            }
        });
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            schema.path(combinator).forEach(part -> collect(part, messages));
        }
    }

    private static String key(String field, String pattern) {
        return field + "\u0000" + pattern;
    }
}
