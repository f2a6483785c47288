package dev.modelslabtwin.emulator.stripe.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Stripe request's parameters: the query string and the form-encoded body together, with Stripe's
 * bracket syntax kept as written ({@code card[number]}, {@code payment_method_data[card][cvc]},
 * {@code metadata[order]}, {@code expand[]}). Stripe reads nothing else: a JSON body is refused with
 * a hint instead of being read as no parameters at all.
 */
final class StripeForm {

    private final Map<String, List<String>> values;

    private StripeForm(Map<String, List<String>> values) {
        this.values = values;
    }

    static StripeForm parse(String query, String contentType, String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        read(query, values);
        if (body != null && !body.isBlank()) {
            String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
            if (type.startsWith("application/json")) {
                throw StripeError.invalidRequest(400, null, null, "The Stripe API takes form-encoded parameters "
                        + "(Content-Type: application/x-www-form-urlencoded, e.g. card[number]=4242424242424242), not JSON.");
            }
            read(body, values);
        }
        return new StripeForm(values);
    }

    /** The value of {@code key}, or null when absent. An empty value counts as absent for optional reads. */
    String get(String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    boolean has(String key) {
        String value = get(key);
        return value != null && !value.isEmpty();
    }

    /** A required value: 400 {@code parameter_missing} when absent or empty. */
    String required(String key) {
        String value = get(key);
        if (value == null || value.isEmpty()) {
            throw StripeError.invalidRequest(400, "parameter_missing", key, "Missing required param: " + key + ".");
        }
        return value;
    }

    /** A required whole number: 400 {@code parameter_invalid_integer} when it is not one. */
    int requiredInteger(String key) {
        String value = required(key).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalidRequest(400, "parameter_invalid_integer", key, "Invalid integer: " + value);
        }
    }

    /** Every value given for {@code expand[]} (or {@code expand[0]}, {@code expand[1]}, ...). */
    List<String> expand() {
        List<String> expanded = new ArrayList<>();
        values.forEach((key, list) -> {
            if (key.equals("expand") || key.startsWith("expand[")) {
                expanded.addAll(list);
            }
        });
        return expanded;
    }

    /**
     * The operation's own parameters, as Stripe compares them for idempotency: Stripe.js's telemetry and
     * the {@code key} parameter left out, values in the order sent.
     */
    Map<String, List<String>> parameters() {
        Map<String, List<String>> own = new LinkedHashMap<>(values);
        own.keySet().removeAll(TELEMETRY);
        own.remove("expand");
        return own;
    }

    /**
     * Stripe's bracketed free-form parameters under {@code prefix} (e.g. {@code metadata[}) as a JSON
     * object string, or null when none was sent.
     */
    String object(String prefix) {
        Map<String, String> fields = new java.util.TreeMap<>();
        values.forEach((key, list) -> {
            if (key.startsWith(prefix) && key.endsWith("]") && !list.isEmpty()) {
                fields.put(key.substring(prefix.length(), key.length() - 1), list.get(list.size() - 1));
            }
        });
        if (fields.isEmpty()) {
            return null;
        }
        try {
            return StripeObjects.JSON.writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any parameter starts with {@code prefix}, e.g. {@code payment_method_data[}. */
    boolean hasAny(String prefix) {
        return values.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    /**
     * 400 {@code parameter_unknown} for the first parameter that is neither one of {@code exact} nor
     * under one of the free-form {@code prefixes} (such as {@code metadata[}), as Stripe refuses a typo
     * like {@code card[numbr]} instead of ignoring it.
     */
    void allowOnly(Set<String> exact, Set<String> prefixes) {
        for (String key : values.keySet()) {
            if (exact.contains(key) || prefixes.stream().anyMatch(key::startsWith) || TELEMETRY.contains(key)
                    || key.startsWith("expand[")) {
                continue;
            }
            throw StripeError.invalidRequest(400, "parameter_unknown", key, "Received unknown parameter: " + key);
        }
    }

    /** What Stripe.js and the SDKs add to every request besides the operation's own parameters. */
    private static final Set<String> TELEMETRY = Set.of("key", "guid", "muid", "sid", "payment_user_agent",
            "time_on_page", "referrer", "_stripe_version", "_stripe_account", "expand");

    private static void read(String encoded, Map<String, List<String>> values) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StripeError.invalidRequest(400, null, null, "The request body is not valid form encoding.");
        }
    }
}
