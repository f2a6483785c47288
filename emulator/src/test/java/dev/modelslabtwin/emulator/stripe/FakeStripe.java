package dev.modelslabtwin.emulator.stripe;

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
 * token (the official CLI). Also posts the hosted pages' HTML forms.
 */
final class FakeStripe {

    enum Auth { BASIC, BEARER, NONE }

    private final TestEmulator emu;
    private final Auth auth;
    private final String key;

    private FakeStripe(TestEmulator emu, Auth auth, String key) {
        this.emu = emu;
        this.auth = auth;
        this.key = key;
    }

    /** Authenticates with the publishable key as the Basic user name. */
    static FakeStripe basic(TestEmulator emu) {
        return new FakeStripe(emu, Auth.BASIC, emu.emulator().services().publishableKey());
    }

    /** Authenticates with {@code Authorization: Bearer <publishable key>}. */
    static FakeStripe bearer(TestEmulator emu) {
        return new FakeStripe(emu, Auth.BEARER, emu.emulator().services().publishableKey());
    }

    FakeStripe withKey(Auth style, String otherKey) {
        return new FakeStripe(emu, style, otherKey);
    }

    TestHttp.Answer post(String path, Map<String, String> parameters) {
        return send("POST", path, form(parameters));
    }

    TestHttp.Answer get(String path) {
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
        return new TestHttp(emu.emulator().baseUrl()).sendToRoot(method, path, body, headers);
    }

    /** {@code POST /v1/payment_methods} for a card number with a future expiry and {@code cvc} (null: none sent). */
    TestHttp.Answer tokenise(String number, String cvc) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("type", "card");
        card.put("card[number]", number);
        card.put("card[exp_month]", "12");
        card.put("card[exp_year]", Integer.toString(futureYear(emu)));
        if (cvc != null) {
            card.put("card[cvc]", cvc);
        }
        return post("/v1/payment_methods", card);
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
    static TestHttp.Answer submit(TestEmulator emu, String path, Map<String, String> fields) {
        return new TestHttp(emu.emulator().baseUrl()).sendToRoot("POST", path, form(fields),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    static TestHttp.Answer page(TestEmulator emu, String path) {
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
