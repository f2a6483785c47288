package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the subscriptions' behaviour tests share: cards, subscribing, reading state, moving time, invoices. */
final class SubscriptionTests {

    /** Seeded plans: two monthly enterprise tiers, a monthly plan and its yearly twin. */
    static final long BASIC_ENTERPRISE = 10;
    static final long PREMIUM_ENTERPRISE = 11;
    static final long STANDARD = 20;
    static final long STANDARD_YEARLY = 21;

    /** An account subscribed to a plan: its token's client, the subscription and the card it was paid with. */
    record Subscriber(TestEmulator.TestAccount account, TestHttp http, long id, String card) {
    }

    /** A paid invoice of a subscription, as stored. */
    record Invoice(String id, BigDecimal amount, String paymentIntentId, Instant createdAt, List<String> lines) {
    }

    private SubscriptionTests() {
    }

    /** Saves a test card to the account as its default, as the billing API would; returns its {@code pm_...} id. */
    static String attach(TestEmulator emu, TestEmulator.TestAccount account, String testCard) {
        return emu.database().transaction(db -> PaymentMethods.attach(db, account.id(), testCard, true,
                emu.clock().instant()).id());
    }

    /** A new account that saved {@code testCard} (which must succeed) and subscribed to {@code planId} with it. */
    static Subscriber subscriber(TestEmulator emu, long planId, String testCard) {
        var account = emu.newAccount();
        String card = attach(emu, account, testCard);
        TestHttp http = emu.as(account.token());
        return new Subscriber(account, http, subscribed(http, planId, card), card);
    }

    /** The subscription's card is removed; {@code testCard} becomes the account's default. Returns its id. */
    static String switchToCard(TestEmulator emu, Subscriber subscriber, String testCard) {
        String card = attach(emu, subscriber.account(), testCard);
        detach(emu, subscriber.account(), subscriber.card());
        return card;
    }

    /** Removes a saved card, as {@code DELETE /billing/payment-methods/{id}} does. */
    static void detach(TestEmulator emu, TestEmulator.TestAccount account, String card) {
        emu.database().transaction(db -> PaymentMethods.detach(db, account.id(), card, emu.clock().instant()));
    }

    static TestHttp.Answer subscribe(TestHttp http, long planId, String paymentMethodId) {
        String card = paymentMethodId == null ? "" : ", \"payment_method_id\": \"" + paymentMethodId + "\"";
        return http.post("/subscriptions", "{\"plan_id\": " + planId + card + "}");
    }

    /** Subscribes with a card that succeeds; returns the new subscription's id. */
    static long subscribed(TestHttp http, long planId, String paymentMethodId) {
        TestHttp.Answer answer = subscribe(http, planId, paymentMethodId);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data").path("subscription").path("id").asLong();
    }

    static JsonNode status(TestHttp http, long id) {
        TestHttp.Answer answer = http.get("/subscriptions/" + id + "/status");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    static TestHttp.Answer act(TestHttp http, long id, String action) {
        return http.post("/subscriptions/" + id + "/" + action, null);
    }

    /** Moves emulated time forward through the control API, which then runs what fell due. */
    static void advance(TestEmulator emu, String duration) {
        TestHttp.Answer answer = emu.controlPost("/clock/advance", "{\"duration\": \"" + duration + "\"}");
        assertEquals(200, answer.status(), answer.body());
    }

    /** A person passing (or failing) 3D Secure on the bank's page, through the control API. */
    static TestHttp.Answer authenticate(TestEmulator emu, String paymentIntentId, boolean approve) {
        return emu.controlPost("/payments/" + paymentIntentId + "/authenticate",
                "{\"outcome\": \"" + (approve ? "approve" : "fail") + "\"}");
    }

    /** A person paying a Checkout Session on the hosted page, through the control API; returns the PaymentIntent. */
    static String payCheckout(TestEmulator emu, String sessionId, String testCard) {
        TestHttp.Answer answer = emu.controlPost("/checkout/sessions/" + sessionId + "/pay",
                "{\"payment_method\": \"" + testCard + "\"}");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data").path("payment_intent_id").asText();
    }

    /** The subscription's paid invoices, oldest first, their times to the second as the API shows times. */
    static List<Invoice> invoices(TestEmulator emu, long subscriptionId) {
        return emu.database().transaction(db -> {
            List<Invoice> invoices = Sql.list(db, "SELECT id, amount, payment_intent_id, created_at FROM invoices "
                            + "WHERE subscription_id = ? AND status = 'paid' ORDER BY created_at, sequence",
                    row -> new Invoice(row.getString(1), row.getBigDecimal(2), row.getString(3), row.instant("created_at")
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS), List.of()), subscriptionId);
            List<Invoice> withLines = new java.util.ArrayList<>();
            for (Invoice invoice : invoices) {
                withLines.add(new Invoice(invoice.id(), invoice.amount(), invoice.paymentIntentId(), invoice.createdAt(),
                        Sql.list(db, "SELECT description, amount FROM invoice_lines WHERE invoice_id = ? ORDER BY id",
                                row -> row.getString(1) + " = " + row.getBigDecimal(2).toPlainString(), invoice.id())));
            }
            return withLines;
        });
    }

    /** How many PaymentIntents the account has, whatever their outcome: each is one attempt to charge. */
    static long charges(TestEmulator emu, TestEmulator.TestAccount account) {
        return emu.database().transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM payment_intents WHERE account_id = ?",
                account.id()).longValue());
    }

    static Instant instant(JsonNode text) {
        return Instant.parse(text.asText());
    }

    static void assertMoney(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())),
                () -> "expected " + expected + " but was " + actual);
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
