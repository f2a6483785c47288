package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fake Stripe route and hosted page, sent odd input, answers a 4xx in its own shape, never a 5xx. */
class NoStripeClientMistakeIsAServerErrorTest {

    private static final List<String> ODD_BODIES = List.of("", "%%%", "a[b", "card[number]=", "type=card&card[number]=4242424242424242"
            + "&card[exp_month]=99999999999&card[exp_year]=-5", "type=card&card[number]=4242424242424242&card[exp_month]=12"
            + "&card[exp_year]=2030&card[cvc]=%F0%9F%92%B3", "payment_method=", "payment_method=pm_card_nope",
            "payment_method_data[type]=card", "client_secret=x&expand[]=payment_method", "{\"type\": \"card\"}",
            "card_number=4242&card_expiry=99/99&card_cvc=1", "outcome=maybe");

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void oddRequestsToTheStripeApiAnswerInStripesErrorShape() {
        var account = emu.newAccount();
        String setupIntent = emu.database().transaction(db -> SetupIntents.create(db, account.id(), emu.clock().instant()).id());
        String session = emu.database().transaction(db -> CheckoutSessions.create(db, account.id(), CheckoutSessions.PURPOSE_FUND,
                new BigDecimal("25.00"), null, null, null, emu.clock().instant()).id());
        String key = "Bearer " + emu.emulator().services().publishableKey();
        TestHttp http = new TestHttp(emu.emulator().baseUrl());
        List<String[]> routes = List.of(new String[] {"POST", "/v1/payment_methods"},
                new String[] {"GET", "/v1/payment_methods/pm_x%20y"}, new String[] {"GET", "/v1/setup_intents/" + setupIntent},
                new String[] {"POST", "/v1/setup_intents/" + setupIntent + "/confirm"},
                new String[] {"POST", "/v1/setup_intents/seti_nope/confirm"}, new String[] {"GET", "/v1/payment_intents/pi_nope"},
                new String[] {"POST", "/v1/payment_intents/pi_nope/confirm"}, new String[] {"GET", "/v1/checkout/sessions/" + session},
                new String[] {"POST", "/v1/nothing/here"}, new String[] {"DELETE", "/v1/payment_methods/pm_x"});
        for (String[] route : routes) {
            for (String body : ODD_BODIES) {
                TestHttp.Answer answer = http.sendToRoot(route[0], route[1], route[0].equals("GET") ? null : body,
                        Map.of("Authorization", key, "Content-Type", body.startsWith("{") ? "application/json"
                                : "application/x-www-form-urlencoded"));
                String what = route[0] + " " + route[1] + " " + body + " → " + answer.status() + " " + answer.body();
                assertTrue(answer.status() < 500, what);
                assertTrue(answer.status() < 300 || answer.json().path("error").path("type").isTextual(), what);
            }
        }
    }

    @Test
    void oddFormPostsToTheHostedPagesAnswerWithAPageNeverAServerError() {
        var account = emu.newAccount();
        String session = emu.database().transaction(db -> CheckoutSessions.create(db, account.id(), CheckoutSessions.PURPOSE_FUND,
                new BigDecimal("25.00"), null, null, null, emu.clock().instant()).id());
        TestHttp http = new TestHttp(emu.emulator().baseUrl());
        for (String path : List.of("/checkout/" + session + "/pay", "/checkout/cs_nope/pay", "/stripe/3ds/pi_nope",
                "/stripe/3ds/seti_nope")) {
            for (String body : ODD_BODIES) {
                TestHttp.Answer answer = http.sendToRoot("POST", path, body,
                        Map.of("Content-Type", "application/x-www-form-urlencoded"));
                String what = "POST " + path + " " + body + " → " + answer.status();
                assertTrue(answer.status() < 500, what + " " + answer.body());
                assertTrue(answer.header("Content-Type").startsWith("text/html"), what);
            }
        }
    }
}
