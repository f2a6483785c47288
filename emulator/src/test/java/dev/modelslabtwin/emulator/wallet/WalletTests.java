package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the wallet's behaviour tests share (and billing's reuse): saving cards, reading balances, comparing money. */
public final class WalletTests {

    private WalletTests() {
    }

    /** Saves a test card to the account, as the billing API would; returns its {@code pm_...} id. */
    static String attach(TestEmulator emu, TestEmulator.TestAccount account, String testCard) {
        return emu.database().transaction(db -> PaymentMethods.attach(db, account.id(), testCard, true,
                emu.clock().instant()).id());
    }

    public static BigDecimal balance(TestHttp http) {
        TestHttp.Answer answer = http.get("/wallet/balance");
        assertEquals(200, answer.status(), answer.body());
        return new BigDecimal(answer.json().path("data").path("balance").asText());
    }

    public static void assertMoney(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())),
                () -> "expected " + expected + " but was " + actual);
    }

    public static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    public static TestHttp.Answer fund(TestHttp http, String amount, String paymentMethodId) {
        String card = paymentMethodId == null ? "" : ", \"payment_method_id\": \"" + paymentMethodId + "\"";
        return http.post("/wallet/fund", "{\"amount\": " + amount + card + "}");
    }

    /** A person passing (or failing) 3D Secure on the page, done through Java until the page exists. */
    static PaymentIntents.PaymentIntent authenticate(TestEmulator emu, String paymentIntentId, boolean approved) {
        return emu.database().transaction(db -> emu.emulator().paymentIntents()
                .completeAuthentication(db, paymentIntentId, approved, emu.clock().instant()));
    }

    /** The account's paid invoices for {@code paymentIntentId}. */
    static long paidInvoices(TestEmulator emu, TestEmulator.TestAccount account, String paymentIntentId) {
        return emu.database().transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM invoices WHERE account_id = ? "
                + "AND payment_intent_id = ? AND status = 'paid'", account.id(), paymentIntentId).longValue());
    }

    static JsonNode transactions(TestHttp http, String query) {
        TestHttp.Answer answer = http.get("/wallet/transactions" + query);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }
}
