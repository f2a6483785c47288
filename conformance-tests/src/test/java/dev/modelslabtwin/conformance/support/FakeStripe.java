package dev.modelslabtwin.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Stripe calls an agent makes itself with the publishable key (tokenise a card, confirm a
 * SetupIntent), sent as Stripe's documentation shows them: form-encoded, the key as the Basic user.
 * On an emulator they go to its fake Stripe under {@code /v1}; the suite never sends card data anywhere else.
 */
public final class FakeStripe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI root;
    private final String publishableKey;

    public FakeStripe(Target target, String publishableKey) {
        target.assumeEmulator("tokenising a card takes card data, which the suite sends to an emulator's fake Stripe only");
        this.root = target.root();
        this.publishableKey = publishableKey;
    }

    /** {@code POST /v1/payment_methods} with a test card number; the {@code pm_...} id Stripe answers. */
    public String createCardPaymentMethod(String number) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "card");
        form.putAll(card("card", number));
        return post("/v1/payment_methods", form).path("id").asText();
    }

    /**
     * {@code POST /v1/setup_intents/{id}/confirm} with card data and the SetupIntent's client secret (Stripe
     * requires it with a publishable key); the SetupIntent's {@code payment_method}.
     */
    public String confirmSetupIntent(String setupIntentId, String clientSecret, String number) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_secret", clientSecret);
        form.put("payment_method_data[type]", "card");
        form.putAll(card("payment_method_data[card]", number));
        return post("/v1/setup_intents/" + setupIntentId + "/confirm", form).path("payment_method").asText();
    }

    private static Map<String, String> card(String prefix, String number) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put(prefix + "[number]", number);
        card.put(prefix + "[exp_month]", "12");
        card.put(prefix + "[exp_year]", Integer.toString(java.time.Year.now().getValue() + 3));
        card.put(prefix + "[cvc]", "123");
        return card;
    }

    private JsonNode post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((publishableKey + ":").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("Stripe " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return Json.parse(answer.body());
        } catch (IOException e) {
            throw new AssertionError("Stripe unreachable at " + root + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
