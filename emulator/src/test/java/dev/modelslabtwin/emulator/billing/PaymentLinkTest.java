package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.OffsetDateTime;

import static dev.modelslabtwin.emulator.billing.BillingTests.data;
import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payment links: a Checkout Session on the emulator's hosted page that a person pays, for a wallet
 * top-up or a plan; nothing moves until it is paid and confirmed, and each purpose is validated.
 */
class PaymentLinkTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aFundLinkIsAnOpenCheckoutSessionOnTheEmulatorsPageThatExpiresInHalfAnHour() {
        TestHttp http = emu.as(emu.newAccount().token());
        OffsetDateTime before = OffsetDateTime.ofInstant(emu.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), java.time.ZoneOffset.UTC);

        TestHttp.Answer answer = http.post("/billing/payment-link", "{\"purpose\": \"fund\", \"amount\": 25}");

        JsonNode link = data(answer);
        String session = link.path("session_id").asText();
        assertTrue(session.startsWith("cs_test_"), session);
        assertEquals(emu.emulator().baseUrl() + "/checkout/" + session, link.path("payment_url").asText());
        assertEquals(link.path("payment_url"), link.path("checkout_url"));
        assertEquals("fund", link.path("purpose").asText());
        assertMoney("25.00", link.path("amount"));
        assertTrue(link.path("plan_id").isNull());
        Duration lifetime = Duration.between(before, OffsetDateTime.parse(link.path("expires_at").asText()));
        assertTrue(lifetime.compareTo(Duration.ofMinutes(30)) >= 0 && lifetime.compareTo(Duration.ofMinutes(31)) < 0,
                lifetime.toString());
        assertTrue(link.path("instructions").asText().contains("POST /wallet/confirm-checkout"));
        for (String mirrored : new String[] {"payment_url", "session_id", "purpose", "amount", "expires_at", "instructions"}) {
            assertEquals(link.path(mirrored), answer.json().path(mirrored), "top-level " + mirrored);
        }
        assertMoney("0.00", balance(http));
    }

    @Test
    void aPaidFundLinkCreditsTheWalletOnceWhenConfirmedAndLeavesAnInvoice() {
        TestHttp http = emu.as(emu.newAccount().token());
        String session = data(http.post("/billing/payment-link", "{\"purpose\": \"fund\", \"amount\": 42.50}"))
                .path("session_id").asText();
        String confirm = "{\"session_id\": \"" + session + "\"}";
        assertEquals(409, http.post("/wallet/confirm-checkout", confirm).status(), "not paid yet");

        TestHttp.Answer paid = emu.controlPost("/checkout/sessions/" + session + "/pay", "{\"payment_method\": \"pm_card_visa\"}");
        JsonNode first = data(http.post("/wallet/confirm-checkout", confirm));
        JsonNode second = data(http.post("/wallet/confirm-checkout", confirm));

        assertEquals(200, paid.status(), paid.body());
        assertTrue(second.path("already_confirmed").asBoolean());
        assertMoney("42.50", first.path("balance"));
        assertMoney("42.50", balance(http));
        JsonNode invoices = data(http.get("/billing/invoices"));
        assertEquals(1, invoices.size());
        assertMoney("42.50", invoices.get(0).path("amount"));
    }

    @Test
    void aSubscribeLinkChargesThePlansPriceAndIsConfirmedOnTheSubscriptionsSide() {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode link = data(http.post("/billing/payment-link", "{\"purpose\": \"subscribe\", \"plan_id\": 20}"));
        String session = link.path("session_id").asText();
        TestHttp.Answer asTopUp = http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");

        assertEquals("subscribe", link.path("purpose").asText());
        assertEquals(20, link.path("plan_id").asLong());
        assertMoney("27.00", link.path("amount"));
        assertTrue(link.path("instructions").asText().contains("POST /subscriptions/confirm-checkout"));
        assertEquals(409, asTopUp.status(), asTopUp.body());
        assertEquals("invalid_state", asTopUp.json().path("error").path("code").asText());
        assertEquals("subscribe", emu.database().transaction(db -> Sql.one(db,
                "SELECT purpose FROM checkout_sessions WHERE id = ?", row -> row.getString(1), session)).orElseThrow());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"purpose\": \"fund\"}                                    | amount",
            "{\"purpose\": \"fund\", \"amount\": 9.99}                  | amount",
            "{\"purpose\": \"fund\", \"amount\": 10000.01}              | amount",
            "{\"purpose\": \"fund\", \"amount\": 10.001}                | amount",
            "{\"purpose\": \"fund\", \"amount\": \"25\"}                | amount",
            "{\"purpose\": \"fund\", \"amount\": 25, \"plan_id\": 20}   | plan_id",
            "{\"purpose\": \"subscribe\"}                               | plan_id",
            "{\"purpose\": \"subscribe\", \"plan_id\": 999}             | plan_id",
            "{\"purpose\": \"subscribe\", \"plan_id\": 0}               | plan_id",
            "{\"purpose\": \"subscribe\", \"plan_id\": 20, \"amount\": 27} | amount",
            "{\"purpose\": \"donate\", \"amount\": 25}                  | purpose",
            "{\"amount\": 25}                                           | purpose"})
    void aLinkTheRequestDoesNotDescribeFullyIsRefusedAndNoSessionIsOpened(String body, String field) {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = http.post("/billing/payment-link", body);

        assertEquals(422, answer.status(), answer.body());
        assertEquals("validation_error", answer.json().path("error").path("code").asText());
        assertTrue(answer.json().path("error").path("details").has(field), answer.body());
        assertEquals(0, emu.database().transaction(db -> Sql.number(db,
                "SELECT COUNT(*) FROM checkout_sessions WHERE account_id = ?", account.id())).intValue());
    }

    @Test
    void theLimitsThemselvesMakeLinks() {
        TestHttp http = emu.as(emu.newAccount().token());

        assertMoney("10.00", data(http.post("/billing/payment-link", "{\"purpose\": \"fund\", \"amount\": 10}")).path("amount"));
        assertMoney("10000.00", data(http.post("/billing/payment-link", "{\"purpose\": \"fund\", \"amount\": 10000}"))
                .path("amount"));
    }

    @Test
    void anotherAccountCannotConfirmTheSessionOfALink() {
        TestHttp owner = emu.as(emu.newAccount().token());
        String session = data(owner.post("/billing/payment-link", "{\"purpose\": \"fund\", \"amount\": 25}")).path("session_id").asText();
        emu.controlPost("/checkout/sessions/" + session + "/pay", "{}");
        TestHttp intruder = emu.as(emu.newAccount().token());

        TestHttp.Answer answer = intruder.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");

        assertEquals(404, answer.status(), answer.body());
        assertMoney("0.00", balance(intruder));
        assertMoney("25.00", data(owner.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}")).path("balance"));
    }

    @Test
    void aRetriedLinkRequestWithTheSameIdempotencyKeyOpensOneSession() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String body = "{\"purpose\": \"fund\", \"amount\": 25}";

        TestHttp.Answer first = http.post("/billing/payment-link", body, "link-25-once");
        TestHttp.Answer retry = http.post("/billing/payment-link", body, "link-25-once");

        assertEquals(200, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json().path("data").path("session_id"), retry.json().path("data").path("session_id"));
        assertEquals(1, emu.database().transaction(db -> Sql.number(db,
                "SELECT COUNT(*) FROM checkout_sessions WHERE account_id = ?", account.id())).intValue());
    }
}
