package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.STANDARD;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.advance;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.attach;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.charges;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.detach;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.instant;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.invoices;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.status;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscribe;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renewals as emulated time passes: charged at each period end, past due when the card fails, canceled after two weeks. */
class RenewalsTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void whenThePeriodEndsTheCardIsChargedForTheNextOneAndTheSubscriptionMovesOn() {
        Subscriber subscriber = subscriber();
        Instant end = instant(status(subscriber.http(), subscriber.id()).path("current_period_end"));

        advance(emu, "P32D");

        JsonNode renewed = status(subscriber.http(), subscriber.id());
        assertEquals("active", renewed.path("status").asText());
        assertEquals(end, instant(renewed.path("current_period_start")));
        assertEquals(end.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(), instant(renewed.path("current_period_end")));
        List<SubscriptionTests.Invoice> invoices = invoices(emu, subscriber.id());
        assertEquals(2, invoices.size());
        assertMoney("27.00", invoices.get(1).amount());
        assertEquals(end, invoices.get(1).createdAt());
        JsonNode payment = subscriber.http().get("/payments/" + invoices.get(1).paymentIntentId() + "/status").json().path("data");
        assertEquals("succeeded", payment.path("status").asText());
        assertEquals("subscription_renewal", payment.path("purpose").asText());
    }

    @Test
    void aJumpOfSeveralMonthsRenewsPeriodByPeriodFromTheAnchor() {
        Subscriber subscriber = subscriber();
        Instant anchor = instant(status(subscriber.http(), subscriber.id()).path("current_period_start"));

        advance(emu, "P95D");

        Instant now = emu.clock().instant();
        List<SubscriptionTests.Invoice> invoices = invoices(emu, subscriber.id());
        int renewals = 0;
        while (!anchor.atZone(ZoneOffset.UTC).plusMonths(renewals + 1).toInstant().isAfter(now)) {
            renewals++;
        }
        assertEquals(1 + renewals, invoices.size());
        for (int k = 1; k <= renewals; k++) {
            assertEquals(anchor.atZone(ZoneOffset.UTC).plusMonths(k).toInstant(), invoices.get(k).createdAt());
            assertMoney("27.00", invoices.get(k).amount());
        }
        assertEquals(anchor.atZone(ZoneOffset.UTC).plusMonths(renewals + 1).toInstant(),
                instant(status(subscriber.http(), subscriber.id()).path("next_billing_date")));
    }

    @Test
    void runningWhatIsDueTwiceForTheSameTimeBillsNothingTwice() {
        Subscriber subscriber = subscriber();
        advance(emu, "P32D");
        long attempts = charges(emu, subscriber.account());

        emu.emulator().advanceClock(Duration.ZERO);
        emu.emulator().advanceClock(Duration.ZERO);
        advance(emu, "PT0S");

        assertEquals(attempts, charges(emu, subscriber.account()));
        assertEquals(2, invoices(emu, subscriber.id()).size());
    }

    @Test
    void readingASubscriptionBringsItUpToTheClockEvenBeforeTheDueWorkRuns() {
        Subscriber subscriber = subscriber();

        emu.clock().advance(Duration.ofDays(32));
        JsonNode current = status(subscriber.http(), subscriber.id());

        assertEquals(2, invoices(emu, subscriber.id()).size());
        assertTrue(instant(current.path("current_period_end")).isAfter(emu.clock().instant()));
    }

    @Test
    void aDeclinedRenewalLeavesThePeriodUnpaidAndTheSubscriptionPastDue() {
        Subscriber subscriber = subscriber();
        Instant end = instant(status(subscriber.http(), subscriber.id()).path("current_period_end"));
        switchToCard(subscriber, "pm_card_chargeCustomerFail");

        advance(emu, "P32D");

        JsonNode pastDue = status(subscriber.http(), subscriber.id());
        assertEquals("past_due", pastDue.path("status").asText());
        assertMoney("27.00", pastDue.path("amount_due"));
        assertEquals(end, instant(pastDue.path("past_due_since")));
        assertEquals(end, instant(pastDue.path("current_period_start")));
        assertTrue(pastDue.path("next_billing_date").isNull());
        assertFalse(pastDue.has("next_invoice_amount"));
        JsonNode error = pastDue.path("last_payment_error");
        assertEquals("generic_decline", error.path("decline_code").asText());
        assertEquals("failed", subscriber.http().get("/payments/" + error.path("payment_intent_id").asText() + "/status")
                .json().path("data").path("status").asText());
        assertEquals(1, invoices(emu, subscriber.id()).size());
    }

    @Test
    void aCardThatNeeds3DSecureCannotPayARenewalOffSession() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String card = attach(emu, account, "pm_card_authenticationRequired");
        String paymentIntent = subscribe(http, STANDARD, card).json().path("error").path("details")
                .path("payment_intent_id").asText();
        SubscriptionTests.authenticate(emu, paymentIntent, true);
        long id = http.get("/subscriptions").json().path("data").get(0).path("id").asLong();

        advance(emu, "P32D");

        JsonNode pastDue = status(http, id);
        assertEquals("past_due", pastDue.path("status").asText());
        assertEquals("authentication_required", pastDue.path("last_payment_error").path("decline_code").asText());
    }

    @Test
    void aPastDueSubscriptionIsNotRenewedAgainAndIsCanceledTwoWeeksLater() {
        Subscriber subscriber = subscriber();
        String failing = switchToCard(subscriber, "pm_card_chargeCustomerFail");
        advance(emu, "P32D");
        Instant since = instant(status(subscriber.http(), subscriber.id()).path("past_due_since"));
        long attempts = charges(emu, subscriber.account());

        Instant cancellation = since.plus(Duration.ofDays(14));

        advance(emu, Duration.between(emu.clock().instant(), cancellation).minusHours(1).toString());
        JsonNode stillPastDue = status(subscriber.http(), subscriber.id());
        advance(emu, "PT2H");
        JsonNode canceled = status(subscriber.http(), subscriber.id());

        assertEquals("past_due", stillPastDue.path("status").asText());
        assertEquals("canceled", canceled.path("status").asText());
        assertEquals(cancellation, instant(canceled.path("canceled_at")));
        assertFalse(canceled.has("amount_due"));
        assertTrue(canceled.path("next_billing_date").isNull());
        assertEquals(attempts, charges(emu, subscriber.account()));
        assertEquals(1, invoices(emu, subscriber.id()).size());
        assertEquals(409, SubscriptionTests.act(subscriber.http(), subscriber.id(), "fix-payment").status());
        TestHttp.Answer again = subscribe(subscriber.http(), STANDARD, failing);
        assertEquals("payment_declined", again.json().path("error").path("code").asText(),
                "a canceled subscription is not live, so subscribing again is tried (and the failing card declines)");
    }

    @Test
    void whenTheSubscriptionsCardIsRemovedTheDefaultCardPays() {
        Subscriber subscriber = subscriber();
        String replacement = switchToCard(subscriber, "pm_card_mastercard");

        advance(emu, "P32D");

        List<SubscriptionTests.Invoice> invoices = invoices(emu, subscriber.id());
        assertEquals(2, invoices.size());
        assertEquals(replacement, emu.database().transaction(db -> emu.emulator().paymentIntents()
                .find(db, invoices.get(1).paymentIntentId()).orElseThrow().paymentMethodId()));
        assertEquals("active", status(subscriber.http(), subscriber.id()).path("status").asText());
    }

    @Test
    void withNoCardLeftTheRenewalFailsWithoutACharge() {
        Subscriber subscriber = subscriber();
        detach(emu, subscriber.account(), subscriber.card());
        long attempts = charges(emu, subscriber.account());

        advance(emu, "P32D");

        JsonNode pastDue = status(subscriber.http(), subscriber.id());
        assertEquals("past_due", pastDue.path("status").asText());
        assertEquals("no_payment_method", pastDue.path("last_payment_error").path("decline_code").asText());
        assertNull(pastDue.path("last_payment_error").get("payment_intent_id"));
        assertEquals(attempts, charges(emu, subscriber.account()));
    }

    @Test
    void aSubscriptionRowWrittenWithoutACycleAnchorRenewsAtItsStoredPeriodEnd() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        Instant now = emu.clock().instant();
        Instant start = now.minus(Duration.ofDays(20));
        Instant end = now.plus(Duration.ofDays(10));
        long id = emu.database().transaction(db -> Sql.insert(db, "INSERT INTO subscriptions (account_id, plan_id, status, "
                        + "stripe_subscription_id, payment_method_id, current_period_start, current_period_end, created_at) "
                        + "VALUES (?, ?, 'active', ?, ?, ?, ?, ?)", account.id(), STANDARD, "sub_written_by_a_tool", card,
                start, end, start));

        advance(emu, "P15D");

        JsonNode renewed = status(emu.as(account.token()), id);
        assertEquals("active", renewed.path("status").asText());
        List<SubscriptionTests.Invoice> invoices = invoices(emu, id);
        assertEquals(1, invoices.size());
        assertEquals(instant(renewed.path("current_period_start")), invoices.get(0).createdAt());
        assertEquals(start.atZone(ZoneOffset.UTC).plusMonths(2).toInstant().truncatedTo(ChronoUnit.SECONDS),
                instant(renewed.path("current_period_end")).truncatedTo(ChronoUnit.SECONDS));
    }

    /** An account subscribed to Standard ($27 a month) with a Visa that always succeeds. */
    @Test
    void aPastDueSubscriptionShowsTheSameWithNoNextBillingDateInTheListItsStatusAndTheBillingOverview() {
        Subscriber subscriber = subscriber();
        switchToCard(subscriber, "pm_card_chargeCustomerFail");

        // The clock alone moves: no due work runs, so the billing overview itself must catch the renewal up.
        emu.clock().advance(Duration.ofDays(32));
        JsonNode inOverview = data(subscriber.http().get("/billing/overview")).path("subscriptions").get(0);
        JsonNode listed = data(subscriber.http().get("/subscriptions")).get(0);
        JsonNode status = status(subscriber.http(), subscriber.id());

        assertEquals("past_due", status.path("status").asText());
        assertTrue(status.has("next_billing_date"), status::toString);
        assertTrue(status.path("next_billing_date").isNull(), "the contract: null while past_due");
        assertEquals(status, listed);
        assertEquals(status, inOverview);
    }

    private static JsonNode data(TestHttp.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    private static Subscriber subscriber() {
        return SubscriptionTests.subscriber(emu, STANDARD, "pm_card_visa");
    }

    private static String switchToCard(Subscriber subscriber, String testCard) {
        return SubscriptionTests.switchToCard(emu, subscriber, testCard);
    }
}
