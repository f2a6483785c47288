package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.BASIC_ENTERPRISE;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.PREMIUM_ENTERPRISE;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.STANDARD;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.STANDARD_YEARLY;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.act;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.advance;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.charges;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.instant;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.invoices;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.status;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscribed;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscriber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing plan: at once, prorated as Stripe prorates by default, restarting the cycle across intervals. */
class PlanChangeTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void anUpgradeSwitchesAtOnceAndTheNextInvoiceCarriesTheProratedDifference() {
        Subscriber subscriber = subscriber(emu, BASIC_ENTERPRISE, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();
        JsonNode before = status(http, id);
        advance(emu, "P10D");
        Instant now = emu.clock().instant();
        long attempts = charges(emu, subscriber.account());

        TestHttp.Answer changed = http.put("/subscriptions/" + id, "{\"new_plan_id\": " + PREMIUM_ENTERPRISE + "}");

        assertEquals(200, changed.status(), changed.body());
        JsonNode subscription = changed.json().path("data").path("subscription");
        assertEquals(PREMIUM_ENTERPRISE, subscription.path("plan_id").asLong());
        assertEquals("Premium Enterprise", subscription.path("plan_name").asText());
        assertMoney("499.00", subscription.path("amount"));
        assertEquals(before.path("current_period_end"), subscription.path("current_period_end"));
        assertFalse(changed.json().path("data").has("payment"));
        assertEquals(attempts, charges(emu, subscriber.account()));
        BigDecimal share = share(before, now);
        BigDecimal promised = new BigDecimal(subscription.path("next_invoice_amount").asText());
        assertClose(new BigDecimal("499.00").add(new BigDecimal("250.00").multiply(share)), promised);

        advance(emu, "P25D");

        List<SubscriptionTests.Invoice> invoices = invoices(emu, id);
        assertEquals(2, invoices.size());
        assertMoney(promised.toPlainString(), invoices.get(1).amount());
        List<String> lines = invoices.get(1).lines();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Unused time on Basic Enterprise") && line.contains("= -")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Remaining time on Premium Enterprise")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Premium Enterprise (") && line.endsWith("= 499.00")),
                lines.toString());
        assertMoney("499.00", status(http, id).path("next_invoice_amount"));
    }

    @Test
    void aDowngradesCreditIsCarriedFromInvoiceToInvoiceUntilUsedUp() {
        Subscriber subscriber = subscriber(emu, PREMIUM_ENTERPRISE, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();

        TestHttp.Answer changed = http.put("/subscriptions/" + id, "{\"new_plan_id\": " + BASIC_ENTERPRISE + "}");

        assertEquals(200, changed.status(), changed.body());
        assertMoney("0.00", changed.json().path("data").path("subscription").path("next_invoice_amount"));
        long attempts = charges(emu, subscriber.account());
        advance(emu, "P32D");
        List<SubscriptionTests.Invoice> invoices = invoices(emu, id);
        assertEquals(2, invoices.size());
        assertMoney("0.00", invoices.get(1).amount());
        assertNull(invoices.get(1).paymentIntentId());
        assertEquals(attempts, charges(emu, subscriber.account()));
        JsonNode after = status(http, id);
        assertEquals("active", after.path("status").asText());
        assertMoney("248.00", after.path("next_invoice_amount"));
        advance(emu, "P31D");
        invoices = invoices(emu, id);
        assertEquals(3, invoices.size());
        assertMoney("248.00", invoices.get(2).amount());
        assertMoney("249.00", status(http, id).path("next_invoice_amount"));
    }

    @Test
    void anotherIntervalRestartsTheCycleAndChargesTheNewPlanNowLessTheUnusedTime() {
        Subscriber subscriber = subscriber(emu, STANDARD, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();
        JsonNode before = status(http, id);
        advance(emu, "P10D");
        Instant now = emu.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        TestHttp.Answer changed = http.put("/subscriptions/" + id, "{\"new_plan_id\": " + STANDARD_YEARLY + "}");

        assertEquals(200, changed.status(), changed.body());
        JsonNode data = changed.json().path("data");
        JsonNode subscription = data.path("subscription");
        assertEquals("yearly", subscription.path("interval").asText());
        Instant start = instant(subscription.path("current_period_start"));
        assertTrue(!start.isBefore(now) && start.isBefore(now.plusSeconds(60)), start.toString());
        assertEquals(start.atZone(ZoneOffset.UTC).plusYears(1).toInstant(), instant(subscription.path("current_period_end")));
        BigDecimal charged = new BigDecimal(data.path("payment").path("amount").asText());
        assertClose(new BigDecimal("270.00").subtract(new BigDecimal("27.00").multiply(share(before, now))), charged);
        List<SubscriptionTests.Invoice> invoices = invoices(emu, id);
        assertEquals(2, invoices.size());
        assertMoney(charged.toPlainString(), invoices.get(1).amount());
        assertEquals(data.path("payment").path("payment_intent_id").asText(), invoices.get(1).paymentIntentId());
    }

    @Test
    void theClisPlanIdIsAcceptedAndTheDocumentedNewPlanIdWinsOverIt() {
        Subscriber subscriber = subscriber(emu, BASIC_ENTERPRISE, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();

        TestHttp.Answer cli = http.put("/subscriptions/" + id, "{\"plan_id\": " + PREMIUM_ENTERPRISE + "}");
        TestHttp.Answer both = http.put("/subscriptions/" + id, "{\"new_plan_id\": " + BASIC_ENTERPRISE
                + ", \"plan_id\": " + PREMIUM_ENTERPRISE + "}");

        assertEquals(200, cli.status(), cli.body());
        assertEquals(PREMIUM_ENTERPRISE, cli.json().path("data").path("subscription").path("plan_id").asLong());
        assertEquals(200, both.status(), both.body());
        assertEquals(BASIC_ENTERPRISE, status(http, id).path("plan_id").asLong());
    }

    @Test
    void aPlanChangeNeedsAPlanThatExists() {
        Subscriber subscriber = subscriber(emu, BASIC_ENTERPRISE, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();

        TestHttp.Answer none = http.put("/subscriptions/" + id, "{}");
        TestHttp.Answer unknown = http.put("/subscriptions/" + id, "{\"new_plan_id\": 999}");

        assertEquals(422, none.status(), none.body());
        assertTrue(none.json().path("error").path("details").has("new_plan_id"));
        assertEquals(422, unknown.status(), unknown.body());
        assertTrue(unknown.json().path("error").path("details").has("new_plan_id"));
        assertEquals(BASIC_ENTERPRISE, status(http, id).path("plan_id").asLong());
    }

    @Test
    void theSamePlanAgainChangesNothing() {
        Subscriber subscriber = subscriber(emu, BASIC_ENTERPRISE, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();
        advance(emu, "P10D");

        TestHttp.Answer same = http.put("/subscriptions/" + id, "{\"new_plan_id\": " + BASIC_ENTERPRISE + "}");

        assertEquals(200, same.status(), same.body());
        assertTrue(same.json().path("data").path("message").asText().contains("nothing changed"));
        assertMoney("249.00", same.json().path("data").path("subscription").path("next_invoice_amount"));
    }

    @Test
    void aPausedSubscriptionCannotChangePlan() {
        Subscriber subscriber = subscriber(emu, BASIC_ENTERPRISE, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();
        act(http, id, "pause");

        TestHttp.Answer answer = http.put("/subscriptions/" + id, "{\"new_plan_id\": " + PREMIUM_ENTERPRISE + "}");

        assertEquals(409, answer.status(), answer.body());
        assertEquals("invalid_state", answer.json().path("error").path("code").asText());
        assertEquals(BASIC_ENTERPRISE, status(http, id).path("plan_id").asLong());
    }

    @Test
    void movingToAPlanTheAccountAlreadyHoldsIsAConflict() {
        Subscriber subscriber = subscriber(emu, BASIC_ENTERPRISE, "pm_card_visa");
        TestHttp http = subscriber.http();
        long basic = subscriber.id();
        long premium = subscribed(http, PREMIUM_ENTERPRISE, subscriber.card());

        TestHttp.Answer answer = http.put("/subscriptions/" + basic, "{\"new_plan_id\": " + PREMIUM_ENTERPRISE + "}");

        assertEquals(409, answer.status(), answer.body());
        assertEquals(premium, answer.json().path("error").path("details").path("subscription_id").asLong());
        assertEquals(BASIC_ENTERPRISE, status(http, basic).path("plan_id").asLong());
    }

    /** The share of the current period left at {@code now}, as a fraction. */
    private static BigDecimal share(JsonNode subscription, Instant now) {
        Instant start = instant(subscription.path("current_period_start"));
        Instant end = instant(subscription.path("current_period_end"));
        return BigDecimal.valueOf(Duration.between(now, end).getSeconds())
                .divide(BigDecimal.valueOf(Duration.between(start, end).getSeconds()), 10, RoundingMode.HALF_UP);
    }

    /** Within two cents: the emulator reads its clock a moment after the test does. */
    private static void assertClose(BigDecimal expected, BigDecimal actual) {
        assertTrue(expected.subtract(actual).abs().compareTo(new BigDecimal("0.02")) <= 0,
                "expected about " + expected + " but was " + actual);
    }
}
