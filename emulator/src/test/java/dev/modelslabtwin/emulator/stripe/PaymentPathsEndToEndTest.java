package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented payment paths end to end, each as an agent runs it against the emulator: the
 * headless card path (tokenise with the publishable key, attach the card, fund with it), the
 * SetupIntent path (create it through the API, confirm it with Stripe, attach the card it saved, fund)
 * and the human-assisted Checkout path over plain HTTP. The real-browser run of Checkout is
 * {@code HostedCheckoutInARealBrowserTest}.
 */
class PaymentPathsEndToEndTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void headlessCardTokenisedWithThePublishableKeyFundsTheWalletOnceWithoutBeingSaved() {
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());
        String card = FakeStripe.bearer(emu).paymentMethod("4242424242424242");

        TestHttp.Answer funded = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + card + "\"}");

        assertEquals(200, funded.status(), funded.body());
        assertEquals(card, funded.json().path("data").path("payment").path("payment_method_id").asText());
        assertEquals(new BigDecimal("25.00"), FakeStripe.balance(api));
        assertEquals(0, api.get("/billing/payment-methods").json().path("data").size(), "a one-off card is not saved");
    }

    @Test
    void aTokenisedCardSavedThroughTheApiFundsTheWalletAgainAndAgain() {
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());
        FakeStripe stripe = FakeStripe.bearer(emu);

        String card = stripe.paymentMethod("4242424242424242");
        TestHttp.Answer attached = api.post("/billing/payment-methods",
                "{\"payment_method_id\": \"" + card + "\", \"make_default\": true}");
        assertEquals(201, attached.status(), attached.body());
        TestHttp.Answer funded = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + card + "\"}");

        assertEquals(200, funded.status(), funded.body());
        assertEquals(card, funded.json().path("data").path("payment").path("payment_method_id").asText());
        assertEquals(new BigDecimal("25.00"), FakeStripe.balance(api));
        assertEquals(Long.valueOf(account.id()), emu.database().transaction(db -> PaymentMethods.find(db, card).orElseThrow().accountId()),
                "the tokenised card is saved to the account");
        TestHttp.Answer again = api.post("/wallet/fund", "{\"amount\": 10, \"payment_method_id\": \"" + card + "\"}");
        assertEquals(200, again.status(), "a saved card pays again and again");
        assertEquals(new BigDecimal("35.00"), FakeStripe.balance(api));
    }

    @Test
    void setupIntentConfirmedWithStripeSavesTheCardThatThenFundsTheWallet() {
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());
        JsonNode created = api.post("/billing/setup-intent", null).json().path("data");
        String setup = created.path("setup_intent_id").asText();
        String clientSecret = created.path("client_secret").asText();

        TestHttp.Answer confirmed = FakeStripe.basic(emu).post("/v1/setup_intents/" + setup + "/confirm", Map.of(
                "client_secret", clientSecret,
                "payment_method_data[type]", "card",
                "payment_method_data[card][number]", "4000002500003155",
                "payment_method_data[card][exp_month]", "12",
                "payment_method_data[card][exp_year]", Integer.toString(FakeStripe.futureYear(emu)),
                "payment_method_data[card][cvc]", "123"));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("requires_action", confirmed.json().path("status").asText());
        String challenge = confirmed.json().path("next_action").path("redirect_to_url").path("url").asText();
        assertEquals(200, FakeStripe.submit(emu, challenge.substring(emu.emulator().baseUrl().length()),
                Map.of("outcome", "approve")).status());
        JsonNode succeeded = FakeStripe.basic(emu).get("/v1/setup_intents/" + setup + "?client_secret=" + clientSecret).json();
        assertEquals("succeeded", succeeded.path("status").asText());
        String card = succeeded.path("payment_method").asText();
        TestHttp.Answer attached = api.post("/billing/payment-methods", "{\"payment_method_id\": \"" + card + "\"}");
        assertEquals(201, attached.status(), attached.body());
        assertTrue(attached.json().path("data").path("is_default").asBoolean(), "the account's first card is its default");

        TestHttp.Answer funded = api.post("/wallet/fund", "{\"amount\": 50, \"payment_method_id\": \"" + card + "\"}");

        assertTrue(funded.status() == 200 || funded.status() == 202, funded.body());
        if (funded.status() == 202) {
            String payment = funded.json().path("data").path("payment").path("payment_intent_id").asText();
            emu.controlPost("/payments/" + payment + "/authenticate", "{\"outcome\": \"approve\"}");
        }
        assertEquals(new BigDecimal("50.00"), FakeStripe.balance(api));
    }

    @Test
    void checkoutPaidOnTheHostedPageIsConfirmedByTheAgentAndCreditsOnce() {
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());
        JsonNode checkout = api.post("/wallet/fund", "{\"amount\": 15}").json().path("data");
        String session = checkout.path("session_id").asText();
        String page = checkout.path("checkout_url").asText().substring(emu.emulator().baseUrl().length());

        assertEquals(409, api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}").status(),
                "not completed yet: the agent polls");
        TestHttp.Answer paid = FakeStripe.submit(emu, page + "/pay",
                Map.of("card_number", "4242424242424242", "card_expiry", "12/34", "card_cvc", "123"));
        assertEquals(303, paid.status(), paid.body());
        assertTrue(FakeStripe.page(emu, paid.header("Location")).body().contains(session));

        TestHttp.Answer first = api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");
        TestHttp.Answer second = api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");
        assertEquals(200, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertTrue(second.json().path("data").path("already_confirmed").asBoolean());
        assertEquals(new BigDecimal("15.00"), FakeStripe.balance(api));
    }

}
