package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client of the emulator's fake Stripe as Stripe's clients talk to it: form-encoded parameters with
 * bracket syntax, the publishable key as HTTP Basic user (the documented Python flow) or as a Bearer
 * token (the official CLI) — or, for what only ModelsLab's server may read, the secret key's view under
 * {@code /_emulator/stripe}. Also posts the hosted pages' HTML forms.
 */
public final class FakeStripe {

    enum Auth { BASIC, BEARER, NONE }

    /** A SetupIntent made by the API for an account: what an agent confirms it with. */
    record SetupIntent(String id, String clientSecret) {
    }

    private final TestEmulator emu;
    private final Auth auth;
    private final String key;
    private final String prefix;

    private FakeStripe(TestEmulator emu, Auth auth, String key, String prefix) {
        this.emu = emu;
        this.auth = auth;
        this.key = key;
        this.prefix = prefix;
    }

    /** Authenticates with the publishable key as the Basic user name. */
    public static FakeStripe basic(TestEmulator emu) {
        return new FakeStripe(emu, Auth.BASIC, emu.emulator().services().publishableKey(), "");
    }

    /** Authenticates with {@code Authorization: Bearer <publishable key>}. */
    static FakeStripe bearer(TestEmulator emu) {
        return new FakeStripe(emu, Auth.BEARER, emu.emulator().services().publishableKey(), "");
    }

    /** The secret key's view, through the control API (a loopback caller needs no key). */
    public static FakeStripe secret(TestEmulator emu) {
        return new FakeStripe(emu, Auth.NONE, null, "/_emulator/stripe");
    }

    FakeStripe withKey(Auth style, String otherKey) {
        return new FakeStripe(emu, style, otherKey, prefix);
    }

    /** A new SetupIntent of the account {@code api} holds the token of, made through the API. */
    static SetupIntent setupIntent(TestHttp api) {
        TestHttp.Answer answer = api.post("/billing/setup-intent", null);
        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        return new SetupIntent(data.path("setup_intent_id").asText(), data.path("client_secret").asText());
    }

    /** {@code POST /v1/setup_intents/{id}/confirm} with {@code payment_method} and the client secret. */
    TestHttp.Answer confirm(SetupIntent intent, String paymentMethod) {
        return post("/v1/setup_intents/" + intent.id() + "/confirm",
                Map.of("payment_method", paymentMethod, "client_secret", intent.clientSecret()));
    }

    TestHttp.Answer post(String path, Map<String, String> parameters) {
        return send("POST", path, form(parameters));
    }

    public TestHttp.Answer get(String path) {
        return send("GET", path, null);
    }

    private TestHttp.Answer send(String method, String path, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (auth) {
            case BASIC -> headers.put("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
            case BEARER -> headers.put("Authorization", "Bearer " + key);
            case NONE -> { }
        }
        if (body != null) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        return new TestHttp(emu.emulator().baseUrl()).sendToRoot(method, prefix + path, body, headers);
    }

    /** {@code POST /v1/payment_methods} for a card number with a future expiry and {@code cvc} (null: none sent). */
    public TestHttp.Answer tokenise(String number, String cvc) {
        return tokenise(number, cvc, Map.of());
    }

    /** As {@link #tokenise(String, String)}, with more parameters (e.g. {@code billing_details[address][postal_code]}). */
    TestHttp.Answer tokenise(String number, String cvc, Map<String, String> more) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("type", "card");
        card.put("card[number]", number);
        card.put("card[exp_month]", "12");
        card.put("card[exp_year]", Integer.toString(futureYear(emu)));
        if (cvc != null) {
            card.put("card[cvc]", cvc);
        }
        card.putAll(more);
        return post("/v1/payment_methods", card);
    }

    /** The billing address Radar's address checks look at. */
    static Map<String, String> address() {
        return Map.of("billing_details[address][line1]", "1 Test Street", "billing_details[address][postal_code]", "94107");
    }

    /** The id of a new PaymentMethod for a test card, tokenised with a CVC. */
    String paymentMethod(String number) {
        TestHttp.Answer answer = tokenise(number, number.length() == 15 ? "1234" : "123");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("id").asText();
    }

    static int futureYear(TestEmulator emu) {
        return emu.clock().instant().atZone(ZoneOffset.UTC).getYear() + 3;
    }

    /** An HTML form post to a hosted page, as a browser sends it. */
    public static TestHttp.Answer submit(TestEmulator emu, String path, Map<String, String> fields) {
        return new TestHttp(emu.emulator().baseUrl()).sendToRoot("POST", path, form(fields),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    public static TestHttp.Answer page(TestEmulator emu, String path) {
        return new TestHttp(emu.emulator().baseUrl()).sendToRoot("GET", path, null, Map.of());
    }

    /** The wallet balance of the account {@code api} holds the token of, with two decimals. */
    static BigDecimal balance(TestHttp api) {
        TestHttp.Answer answer = api.get("/wallet/balance");
        assertEquals(200, answer.status(), answer.body());
        return new BigDecimal(answer.json().path("data").path("balance").asText()).setScale(2);
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
