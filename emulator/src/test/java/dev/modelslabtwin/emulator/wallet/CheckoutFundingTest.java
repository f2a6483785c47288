package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static dev.modelslabtwin.emulator.wallet.WalletTests.paidInvoices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The human-assisted path: a Checkout Session a person pays, then confirm-checkout credits it once. */
class CheckoutFundingTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void confirmingBeforeThePersonPaysAnswers409CheckoutNotCompleted() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String session = checkout(http, "25");

        TestHttp.Answer answer = confirm(http, session);

        assertEquals(409, answer.status(), answer.body());
        assertEquals("checkout_not_completed", answer.json().path("error").path("code").asText());
        assertEquals("open", answer.json().path("error").path("details").path("status").asText());
        assertMoney("0.00", balance(http));
    }

    @Test
    void aPaidSessionCreditsTheWalletOnceHoweverOftenItIsConfirmed() {
        var account = emu.newAccount(new BigDecimal("2.00"), Set.of("*"));
        TestHttp http = emu.as(account.token());
        String session = checkout(http, "25");
        String paymentIntent = pay(session, "pm_card_visa");

        TestHttp.Answer first = confirm(http, session);
        TestHttp.Answer second = confirm(http, session);

        assertEquals(200, first.status(), first.body());
        JsonNode confirmed = first.json().path("data");
        assertEquals(session, confirmed.path("session_id").asText());
        assertFalse(confirmed.path("already_confirmed").asBoolean());
        assertMoney("25.00", confirmed.path("amount"));
        assertMoney("27.00", confirmed.path("balance"));
        assertEquals(200, second.status(), second.body());
        assertTrue(second.json().path("data").path("already_confirmed").asBoolean());
        assertMoney("27.00", second.json().path("data").path("balance"));
        assertMoney("27.00", balance(http));
        JsonNode credit = WalletTests.transactions(http, "?type=credit").path("items").get(0);
        assertEquals(paymentIntent, credit.path("transaction_id").asText());
        assertEquals("wallet_funding", credit.path("usecase").asText());
        assertEquals(1, paidInvoices(emu, account, paymentIntent));
        assertEquals("wallet_funding", http.get("/payments/" + paymentIntent + "/status").json()
                .path("data").path("purpose").asText());
    }

    @Test
    void aSessionThatExpiredUnpaidAnswers409CheckoutExpired() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String session = checkout(http, "25");

        emu.clock().advance(Duration.ofMinutes(31));
        TestHttp.Answer answer = confirm(http, session);

        assertEquals(409, answer.status(), answer.body());
        assertEquals("checkout_expired", answer.json().path("error").path("code").asText());
        assertMoney("0.00", balance(http));
    }

    @Test
    void anotherAccountsSessionIsNotFoundAndCreditsNobody() {
        var owner = emu.newAccount();
        String session = checkout(emu.as(owner.token()), "25");
        pay(session, "pm_card_visa");
        var intruder = emu.newAccount();

        TestHttp.Answer answer = confirm(emu.as(intruder.token()), session);

        assertEquals(404, answer.status(), answer.body());
        assertEquals("not_found", answer.json().path("error").path("code").asText());
        assertMoney("0.00", balance(emu.as(intruder.token())));
        assertEquals(200, confirm(emu.as(owner.token()), session).status());
        assertMoney("25.00", balance(emu.as(owner.token())));
    }

    @Test
    void aSubscriptionSessionIsNotAWalletFunding() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String session = emu.database().transaction(db -> CheckoutSessions.create(db, account.id(),
                CheckoutSessions.PURPOSE_SUBSCRIBE, new BigDecimal("27.00"), 20L, null, null, emu.clock().instant()).id());
        pay(session, "pm_card_visa");

        TestHttp.Answer answer = confirm(http, session);

        assertEquals(409, answer.status(), answer.body());
        assertEquals("invalid_state", answer.json().path("error").path("code").asText());
        assertTrue(answer.json().path("error").path("message").asText().contains("/subscriptions/confirm-checkout"));
        assertMoney("0.00", balance(http));
    }

    @Test
    void anUnknownSessionIsNotFound() {
        TestHttp.Answer answer = confirm(emu.as(emu.newAccount().token()), "cs_test_doesNotExist");

        assertEquals(404, answer.status(), answer.body());
    }

    private static String checkout(TestHttp http, String amount) {
        TestHttp.Answer answer = fund(http, amount, null);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data").path("session_id").asText();
    }

    /** A person paying on the hosted page: the card is theirs, saved to no account. */
    private static String pay(String session, String testCard) {
        return emu.database().transaction(db -> CheckoutSessions.pay(db, emu.emulator().paymentIntents(), session,
                testCard, emu.clock().instant()).id());
    }

    private static TestHttp.Answer confirm(TestHttp http, String session) {
        return http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");
    }
}
