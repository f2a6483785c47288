package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hosted Checkout page over HTTP, as a browser without JavaScript uses it: the form, paying with
 * test cards (success, decline and retry, 3D Secure), the success page with the session id, cancel,
 * expiry. The wallet is credited only when the agent confirms the session through the API.
 */
class HostedCheckoutPageTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void thePaymentUrlServesASelfContainedPageWithTheAmountAndACardForm() {
        TestHttp api = emu.as(emu.newAccount().token());
        JsonNode checkout = checkout(api, "25");
        String url = checkout.path("checkout_url").asText();
        assertEquals(emu.emulator().baseUrl() + "/checkout/" + checkout.path("session_id").asText(), url);

        TestHttp.Answer page = FakeStripe.page(emu, url.substring(emu.emulator().baseUrl().length()));

        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.headers().toString());
        String html = page.body();
        assertTrue(html.contains("$25.00"), html);
        assertTrue(html.contains("Add funds to your ModelsLab wallet"));
        for (String field : new String[] {"name=\"card_number\"", "name=\"card_expiry\"", "name=\"card_cvc\"",
                "<label for=\"card-number\">", "id=\"pay\"", "id=\"cancel\""}) {
            assertTrue(html.contains(field), field);
        }
        assertFalse(html.contains("<script src") || html.contains("<link") || html.contains("src=\"http"),
                "nothing is loaded from elsewhere");
    }

    @Test
    void paying4242CompletesTheSessionAndTheSuccessPageShowsTheIdToConfirmWith() {
        TestHttp api = emu.as(emu.newAccount().token());
        String session = checkout(api, "25").path("session_id").asText();

        TestHttp.Answer paid = pay(session, "4242 4242 4242 4242", "12 / 34", "123");

        assertEquals(303, paid.status(), paid.body());
        assertEquals("/checkout/" + session + "/success", paid.header("Location"));
        TestHttp.Answer success = FakeStripe.page(emu, paid.header("Location"));
        assertEquals(200, success.status());
        assertTrue(success.body().contains("value=\"" + session + "\""), success.body());
        assertTrue(success.body().contains("id=\"copy-session-id\""));
        assertEquals(new BigDecimal("0.00"), FakeStripe.balance(api), "nothing is credited before the agent confirms");
        TestHttp.Answer confirmed = api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(new BigDecimal("25.00"), FakeStripe.balance(api));
        assertEquals(303, FakeStripe.page(emu, "/checkout/" + session).status(), "a paid session's page goes to success");
    }

    @Test
    void aDeclinedCardShowsItsMessageAndThePersonCanRetryWithAnotherCard() {
        TestHttp api = emu.as(emu.newAccount().token());
        String session = checkout(api, "40").path("session_id").asText();

        TestHttp.Answer declined = pay(session, "4000000000009995", "12/34", "123");

        assertEquals(402, declined.status());
        assertTrue(declined.body().contains("role=\"alert\""), declined.body());
        assertTrue(declined.body().contains("Your card has insufficient funds."), declined.body());
        assertTrue(declined.body().contains("insufficient_funds"));
        assertTrue(declined.body().contains("name=\"card_number\""), "the form is offered again");
        assertEquals(409, api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}").status());

        assertEquals(303, pay(session, "5555555555554444", "12/34", "123").status());
        assertEquals(200, api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}").status());
        assertEquals(new BigDecimal("40.00"), FakeStripe.balance(api));
    }

    @Test
    void badCardDataIsExplainedOnTheFormAndNothingIsStored() {
        String session = checkout(emu.as(emu.newAccount().token()), "25").path("session_id").asText();
        long cards = storedCards();

        TestHttp.Answer luhn = pay(session, "4242424242424241", "12/34", "123");
        TestHttp.Answer live = pay(session, "4111111111111111", "12/34", "123");
        TestHttp.Answer expiry = pay(session, "4242424242424242", "soon", "123");
        TestHttp.Answer missing = pay(session, "4242424242424242", "12/34", "");

        assertEquals(402, luhn.status());
        assertTrue(luhn.body().contains("Your card number is incorrect."));
        assertFalse(luhn.body().contains("4242424242424241"), "the number is not echoed back");
        assertTrue(live.body().contains("non test (live) card"), live.body());
        assertEquals(422, expiry.status());
        assertTrue(expiry.body().contains("MM / YY"));
        assertEquals(422, missing.status());
        assertTrue(missing.body().contains("security code"));
        assertEquals(cards, storedCards());
    }

    @Test
    void aCardNeeding3DSecureGoesThroughTheAuthenticationPageToSuccess() {
        TestHttp api = emu.as(emu.newAccount().token());
        String session = checkout(api, "25").path("session_id").asText();

        TestHttp.Answer paid = pay(session, "4000002760003184", "12/34", "123");

        assertEquals(303, paid.status(), paid.body());
        String challenge = paid.header("Location");
        assertTrue(challenge.startsWith("/stripe/3ds/pi_"), challenge);
        TestHttp.Answer page = FakeStripe.page(emu, challenge);
        assertTrue(page.body().contains("id=\"approve\"") && page.body().contains("id=\"fail\""), page.body());
        TestHttp.Answer approved = FakeStripe.submit(emu, challenge, Map.of("outcome", "approve"));
        assertEquals(303, approved.status());
        assertEquals("/checkout/" + session + "/success", approved.header("Location"));
        assertEquals(200, api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}").status());
        assertEquals(new BigDecimal("25.00"), FakeStripe.balance(api));
    }

    @Test
    void failing3DSecureReturnsToTheFormWithTheReasonAndTheSessionStaysOpen() {
        TestHttp api = emu.as(emu.newAccount().token());
        String session = checkout(api, "25").path("session_id").asText();
        String challenge = pay(session, "4000002760003184", "12/34", "123").header("Location");

        TestHttp.Answer failed = FakeStripe.submit(emu, challenge, Map.of("outcome", "fail"));

        assertEquals(303, failed.status());
        assertEquals("/checkout/" + session + "?declined=authentication_failed", failed.header("Location"));
        TestHttp.Answer form = FakeStripe.page(emu, failed.header("Location"));
        assertEquals(402, form.status());
        assertTrue(form.body().contains("did not complete 3D Secure"), form.body());
        assertEquals("open", FakeStripe.secret(emu).get("/v1/checkout/sessions/" + session).json().path("status").asText());
    }

    @Test
    void aCardDeclinedAfterAuthenticationReturnsToTheFormWithItsDecline() {
        String session = checkout(emu.as(emu.newAccount().token()), "25").path("session_id").asText();
        String challenge = pay(session, "4000008260003178", "12/34", "123").header("Location");

        TestHttp.Answer approved = FakeStripe.submit(emu, challenge, Map.of("outcome", "approve"));

        assertEquals("/checkout/" + session + "?declined=insufficient_funds", approved.header("Location"));
        assertTrue(FakeStripe.page(emu, approved.header("Location")).body().contains("insufficient funds"));
    }

    @Test
    void cancelLeavesTheSessionOpenAndChargesNothing() {
        String session = checkout(emu.as(emu.newAccount().token()), "25").path("session_id").asText();

        TestHttp.Answer canceled = FakeStripe.page(emu, "/checkout/" + session + "/cancel");

        assertEquals(200, canceled.status());
        assertTrue(canceled.body().contains("Nothing was charged"));
        assertEquals(200, FakeStripe.page(emu, "/checkout/" + session).status());
    }

    @Test
    void aSessionWithACancelUrlSendsThePersonThere() {
        var account = emu.newAccount();
        String session = emu.database().transaction(db -> CheckoutSessions.create(db, account.id(), CheckoutSessions.PURPOSE_FUND,
                new BigDecimal("25.00"), null, "https://agent.example/ok?session={CHECKOUT_SESSION_ID}",
                "https://agent.example/cancel", emu.clock().instant()).id());

        assertEquals("https://agent.example/cancel", FakeStripe.page(emu, "/checkout/" + session + "/cancel").header("Location"));
        assertEquals("https://agent.example/ok?session=" + session,
                pay(session, "4242424242424242", "12/34", "123").header("Location"), "success_url with the session id");
    }

    @Test
    void aSubscriptionSessionShowsThePlanNameAndPrice() {
        var account = emu.newAccount();
        String session = emu.database().transaction(db -> CheckoutSessions.create(db, account.id(),
                CheckoutSessions.PURPOSE_SUBSCRIBE, new BigDecimal("249.00"), 10L, null, null, emu.clock().instant()).id());

        TestHttp.Answer page = FakeStripe.page(emu, "/checkout/" + session);

        assertEquals(200, page.status());
        assertTrue(page.body().contains("Subscribe to Basic Enterprise ($249.00 / monthly)"), page.body());
    }

    @Test
    void anExpiredSessionShowsTheExpiredPageAndCannotBePaid() {
        TestHttp api = emu.as(emu.newAccount().token());
        String session = checkout(api, "25").path("session_id").asText();

        emu.clock().advance(Duration.ofHours(25));

        TestHttp.Answer page = FakeStripe.page(emu, "/checkout/" + session);
        assertEquals(410, page.status());
        assertTrue(page.body().contains("expired"));
        assertEquals(410, pay(session, "4242424242424242", "12/34", "123").status());
        assertEquals(0, emu.database().transaction(db -> Sql.number(db,
                "SELECT COUNT(*) FROM payment_intents WHERE reference = ?", session)).intValue());
    }

    @Test
    void theSuccessPageOfAnUnpaidSessionSendsThePersonToTheForm() {
        String session = checkout(emu.as(emu.newAccount().token()), "25").path("session_id").asText();

        TestHttp.Answer success = FakeStripe.page(emu, "/checkout/" + session + "/success");

        assertEquals(303, success.status());
        assertEquals("/checkout/" + session, success.header("Location"));
    }

    @Test
    void anUnknownSessionIsAPageNotFound() {
        assertEquals(404, FakeStripe.page(emu, "/checkout/cs_test_doesNotExist").status());
        assertEquals(404, FakeStripe.page(emu, "/stripe/3ds/pi_doesNotExist").status());
    }

    @Test
    void theStripeApiShowsTheSessionOpenThenCompleteWithItsPayment() {
        TestHttp api = emu.as(emu.newAccount().token());
        String session = checkout(api, "25").path("session_id").asText();
        FakeStripe stripe = FakeStripe.secret(emu);

        JsonNode open = stripe.get("/v1/checkout/sessions/" + session).json();
        pay(session, "4242424242424242", "12/34", "123");
        JsonNode complete = stripe.get("/v1/checkout/sessions/" + session).json();

        assertEquals("checkout.session", open.path("object").asText());
        assertEquals("open", open.path("status").asText());
        assertEquals("unpaid", open.path("payment_status").asText());
        assertEquals(2500, open.path("amount_total").asLong());
        assertEquals("payment", open.path("mode").asText());
        assertEquals(emu.emulator().baseUrl() + "/checkout/" + session, open.path("url").asText());
        assertTrue(open.path("payment_intent").isNull());
        assertEquals("complete", complete.path("status").asText());
        assertEquals("paid", complete.path("payment_status").asText());
        assertTrue(complete.path("payment_intent").asText().startsWith("pi_"));
        assertTrue(complete.path("url").isNull());
        CardTokenisationTest.assertInvalidRequest(stripe.get("/v1/checkout/sessions/cs_test_nope"), 404, "resource_missing", "session");
        JsonNode expanded = stripe.get("/v1/checkout/sessions/" + session + "?expand[]=payment_intent").json();
        assertEquals("succeeded", expanded.path("payment_intent").path("status").asText(), "expand[]=payment_intent");
    }

    @Test
    void thePublishableKeyCannotReadACheckoutSession() {
        String session = checkout(emu.as(emu.newAccount().token()), "25").path("session_id").asText();

        TestHttp.Answer answer = FakeStripe.basic(emu).get("/v1/checkout/sessions/" + session);

        CardTokenisationTest.assertInvalidRequest(answer, 401, null, null);
    }

    private static JsonNode checkout(TestHttp api, String amount) {
        TestHttp.Answer answer = api.post("/wallet/fund", "{\"amount\": " + amount + "}");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    private static TestHttp.Answer pay(String session, String number, String expiry, String cvc) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card_number", number);
        form.put("card_expiry", expiry);
        form.put("card_cvc", cvc);
        return FakeStripe.submit(emu, "/checkout/" + session + "/pay", form);
    }


    private static long storedCards() {
        return emu.database().transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM payment_methods").longValue());
    }
}
