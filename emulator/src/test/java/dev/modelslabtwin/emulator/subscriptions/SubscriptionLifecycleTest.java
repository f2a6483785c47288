package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.STANDARD;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.act;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.advance;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.attach;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.instant;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.invoices;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.status;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pausing, resuming and resetting the billing cycle: only from the right states, and what each one bills. */
class SubscriptionLifecycleTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aPausedSubscriptionIsNotRenewedWhenItsPeriodEnds() {
        Subscriber subscriber = subscriber("pm_card_visa");

        TestHttp.Answer paused = act(subscriber.http(), subscriber.id(), "pause");
        advance(emu, "P40D");

        assertEquals(200, paused.status(), paused.body());
        JsonNode subscription = paused.json().path("data").path("subscription");
        assertEquals("paused", subscription.path("status").asText());
        assertTrue(subscription.path("next_billing_date").isNull());
        assertTrue(subscription.hasNonNull("paused_at"));
        assertEquals("paused", status(subscriber.http(), subscriber.id()).path("status").asText());
        assertEquals(1, invoices(emu, subscriber.id()).size());
    }

    @Test
    void onlyAnActiveSubscriptionCanBePaused() {
        Subscriber subscriber = subscriber("pm_card_visa");
        act(subscriber.http(), subscriber.id(), "pause");

        TestHttp.Answer again = act(subscriber.http(), subscriber.id(), "pause");

        assertEquals(409, again.status(), again.body());
        assertEquals("invalid_state", again.json().path("error").path("code").asText());
        assertEquals("paused", again.json().path("error").path("details").path("status").asText());
    }

    @Test
    void onlyAPausedSubscriptionCanBeResumed() {
        Subscriber subscriber = subscriber("pm_card_visa");

        TestHttp.Answer answer = act(subscriber.http(), subscriber.id(), "resume");

        assertEquals(409, answer.status(), answer.body());
        assertEquals("invalid_state", answer.json().path("error").path("code").asText());
        assertEquals("active", answer.json().path("error").path("details").path("status").asText());
    }

    @Test
    void resumingWithinThePaidPeriodChargesNothingAndBillingGoesOnAtItsEnd() {
        Subscriber subscriber = subscriber("pm_card_visa");
        Instant periodEnd = instant(status(subscriber.http(), subscriber.id()).path("current_period_end"));
        act(subscriber.http(), subscriber.id(), "pause");
        advance(emu, "P5D");

        TestHttp.Answer resumed = act(subscriber.http(), subscriber.id(), "resume");

        assertEquals(200, resumed.status(), resumed.body());
        JsonNode data = resumed.json().path("data");
        assertFalse(data.has("payment"));
        assertEquals("active", data.path("subscription").path("status").asText());
        assertEquals(periodEnd, instant(data.path("subscription").path("next_billing_date")));
        assertFalse(data.path("subscription").has("paused_at"));
        assertEquals(1, invoices(emu, subscriber.id()).size());
        advance(emu, "P30D");
        assertEquals(2, invoices(emu, subscriber.id()).size());
    }

    @Test
    void resumingAfterThePeriodEndedStartsANewPeriodNowAndChargesIt() {
        Subscriber subscriber = subscriber("pm_card_visa");
        Instant oldEnd = instant(status(subscriber.http(), subscriber.id()).path("current_period_end"));
        act(subscriber.http(), subscriber.id(), "pause");
        advance(emu, "P40D");
        Instant before = emu.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        TestHttp.Answer resumed = act(subscriber.http(), subscriber.id(), "resume");

        assertEquals(200, resumed.status(), resumed.body());
        JsonNode data = resumed.json().path("data");
        assertEquals("succeeded", data.path("payment").path("status").asText());
        assertMoney("27.00", data.path("payment").path("amount"));
        Instant start = instant(data.path("subscription").path("current_period_start"));
        assertTrue(start.isAfter(oldEnd) && !start.isBefore(before), start + " is not the resume time");
        assertEquals(start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(),
                instant(data.path("subscription").path("current_period_end")));
        List<SubscriptionTests.Invoice> invoices = invoices(emu, subscriber.id());
        assertEquals(2, invoices.size());
        assertEquals(data.path("payment").path("payment_intent_id").asText(), invoices.get(1).paymentIntentId());
    }

    @Test
    void aResumeWhoseChargeIsDeclinedAnswers402AndTheSubscriptionStaysPaused() {
        Subscriber subscriber = subscriber("pm_card_visa");
        act(subscriber.http(), subscriber.id(), "pause");
        switchToFailingCard(subscriber);
        advance(emu, "P40D");

        TestHttp.Answer resumed = act(subscriber.http(), subscriber.id(), "resume");

        assertEquals(402, resumed.status(), resumed.body());
        assertEquals("payment_declined", resumed.json().path("error").path("code").asText());
        assertEquals("paused", status(subscriber.http(), subscriber.id()).path("status").asText());
        assertEquals(1, invoices(emu, subscriber.id()).size());
    }

    @Test
    void resettingTheCycleStartsANewPeriodNowChargedLessTheUnusedTime() {
        Subscriber subscriber = subscriber("pm_card_visa");
        JsonNode before = status(subscriber.http(), subscriber.id());
        Instant oldStart = instant(before.path("current_period_start"));
        Instant oldEnd = instant(before.path("current_period_end"));
        advance(emu, "P10D");
        Instant now = emu.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        TestHttp.Answer reset = act(subscriber.http(), subscriber.id(), "reset-cycle");

        assertEquals(200, reset.status(), reset.body());
        JsonNode data = reset.json().path("data");
        Instant start = instant(data.path("subscription").path("current_period_start"));
        assertTrue(!start.isBefore(now) && start.isBefore(now.plusSeconds(60)), start.toString());
        assertEquals(start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(),
                instant(data.path("subscription").path("current_period_end")));
        BigDecimal unused = new BigDecimal("27.00").multiply(BigDecimal.valueOf(Duration.between(now, oldEnd).getSeconds()))
                .divide(BigDecimal.valueOf(Duration.between(oldStart, oldEnd).getSeconds()), 2, java.math.RoundingMode.HALF_UP);
        BigDecimal charged = new BigDecimal(data.path("payment").path("amount").asText());
        assertTrue(charged.subtract(new BigDecimal("27.00").subtract(unused)).abs().compareTo(new BigDecimal("0.02")) <= 0,
                "charged " + charged + ", expected 27.00 less about " + unused);
        List<SubscriptionTests.Invoice> invoices = invoices(emu, subscriber.id());
        assertEquals(2, invoices.size());
        assertMoney(charged.toPlainString(), invoices.get(1).amount());
        assertTrue(invoices.get(1).lines().stream().anyMatch(line -> line.startsWith("Unused time on Standard")),
                invoices.get(1).lines().toString());
    }

    @Test
    void onlyAnActiveSubscriptionCanResetItsCycle() {
        Subscriber subscriber = subscriber("pm_card_visa");
        act(subscriber.http(), subscriber.id(), "pause");

        TestHttp.Answer reset = act(subscriber.http(), subscriber.id(), "reset-cycle");

        assertEquals(409, reset.status(), reset.body());
        assertEquals("invalid_state", reset.json().path("error").path("code").asText());
        assertEquals(1, invoices(emu, subscriber.id()).size());
    }

    @Test
    void aResetWhoseChargeFailsAnswers402AndChangesNothing() {
        Subscriber subscriber = subscriber("pm_card_visa");
        JsonNode before = status(subscriber.http(), subscriber.id());
        switchToFailingCard(subscriber);
        advance(emu, "P3D");

        TestHttp.Answer reset = act(subscriber.http(), subscriber.id(), "reset-cycle");

        assertEquals(402, reset.status(), reset.body());
        assertEquals("payment_declined", reset.json().path("error").path("code").asText());
        JsonNode after = status(subscriber.http(), subscriber.id());
        assertEquals(before.path("current_period_start"), after.path("current_period_start"));
        assertEquals(before.path("current_period_end"), after.path("current_period_end"));
        assertEquals("active", after.path("status").asText());
        assertEquals(1, invoices(emu, subscriber.id()).size());
    }

    @Test
    void aResetWithACardThatNeeds3DSecureIsDeclinedAuthenticationRequired() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String card = attach(emu, account, "pm_card_authenticationRequired");
        String paymentIntent = SubscriptionTests.subscribe(http, STANDARD, card).json().path("error").path("details")
                .path("payment_intent_id").asText();
        SubscriptionTests.authenticate(emu, paymentIntent, true);
        long id = http.get("/subscriptions").json().path("data").get(0).path("id").asLong();
        advance(emu, "P10D");

        TestHttp.Answer reset = act(http, id, "reset-cycle");

        assertEquals(402, reset.status(), reset.body());
        assertEquals("payment_declined", reset.json().path("error").path("code").asText());
        assertEquals("authentication_required", reset.json().path("error").path("details").path("decline_code").asText());
        assertTrue(reset.json().path("error").path("details").path("payment_intent_id").asText().startsWith("pi_"));
        assertEquals(1, invoices(emu, id).size());
    }

    /** An account subscribed to Standard ($27 a month) with {@code testCard}. */
    private static Subscriber subscriber(String testCard) {
        return SubscriptionTests.subscriber(emu, STANDARD, testCard);
    }

    /** The subscription's card is removed and the account's default becomes one that declines every charge. */
    private static void switchToFailingCard(Subscriber subscriber) {
        SubscriptionTests.switchToCard(emu, subscriber, "pm_card_chargeCustomerFail");
    }
}
