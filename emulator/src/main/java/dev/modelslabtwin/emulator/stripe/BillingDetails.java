package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A card's billing details as the client sent them (every field may be null). Stripe's address checks
 * run on what was sent: the postal code check needs a postal code, the line 1 check a line 1.
 */
public record BillingDetails(String name, String email, String phone, String line1, String line2, String city,
                             String state, String postalCode, String country) {

    public static final BillingDetails NONE = new BillingDetails(null, null, null, null, null, null, null, null, null);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ADDRESS = List.of("city", "country", "line1", "line2", "postal_code", "state");

    public boolean postalCodeSent() {
        return postalCode != null && !postalCode.isBlank();
    }

    public boolean line1Sent() {
        return line1 != null && !line1.isBlank();
    }

    /** Stripe's {@code billing_details} object: every field present, null where nothing was sent. */
    public ObjectNode toStripe() {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode address = node.putObject("address");
        for (String field : ADDRESS) {
            String value = switch (field) {
                case "city" -> city;
                case "country" -> country;
                case "line1" -> line1;
                case "line2" -> line2;
                case "postal_code" -> postalCode;
                default -> state;
            };
            address.put(field, value);
        }
        node.put("email", email);
        node.put("name", name);
        node.put("phone", phone);
        node.putNull("tax_id");
        return node;
    }

    /** As stored in the database. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toStripe());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write billing details", e);
        }
    }

    public static BillingDetails fromJson(String json) {
        if (json == null) {
            return NONE;
        }
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode address = node.path("address");
            return new BillingDetails(text(node, "name"), text(node, "email"), text(node, "phone"), text(address, "line1"),
                    text(address, "line2"), text(address, "city"), text(address, "state"), text(address, "postal_code"),
                    text(address, "country"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored billing details are not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
