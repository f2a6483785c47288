package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /_emulator/clock/advance: emulated time jumps, and what would have happened meanwhile happens. */
class AdvancingTheClockTest extends ResetBeforeEachTest {

    @Test
    void theClockReadsEmulatedNowAheadOfRealTimeByTheOffset() {
        control.post("/clock/advance", "{\"seconds\": 3600}");

        JsonNode clock = control.get("/clock").json().path("data");

        assertEquals(3600, clock.path("offset_seconds").asLong());
        Duration ahead = Duration.between(Instant.parse(clock.path("real_now").asText()), Instant.parse(clock.path("now").asText()));
        assertTrue(Math.abs(ahead.minusHours(1).toMillis()) < 5_000, ahead.toString());
    }

    @Test
    void advancingByADurationMovesNowAndSaysWhatEachJobDid() {
        JsonNode advanced = control.post("/clock/advance", "{\"duration\": \"PT25H\"}").json().path("data");

        assertEquals(25 * 3600, advanced.path("advanced_by_seconds").asLong());
        assertEquals(Duration.ofHours(25), Duration.between(Instant.parse(advanced.path("previous").asText()),
                Instant.parse(advanced.path("now").asText())));
        assertEquals(0, job(advanced, "checkout_sessions_expired").asInt());
        assertTrue(job(advanced, "tokens_expired").isInt());
        assertTrue(job(advanced, "idempotency_keys_expired").isInt());
        assertTrue(job(advanced, "auto_funding_charges").isInt());
    }

    @Test
    void aMonthIsACalendarMonthAndToIsAnInstant() {
        Instant now = Instant.parse(control.get("/clock").json().path("data").path("now").asText());
        Instant target = now.plus(Duration.ofDays(3));

        JsonNode byMonth = control.post("/clock/advance", "{\"duration\": \"P1M\"}").json().path("data");
        control.post("/reset", null);
        JsonNode toInstant = control.post("/clock/advance", "{\"to\": \"" + target + "\"}").json().path("data");

        Instant previous = Instant.parse(byMonth.path("previous").asText());
        Duration month = Duration.between(previous, Instant.parse(byMonth.path("now").asText()));
        assertEquals(previous.atZone(java.time.ZoneOffset.UTC).plusMonths(1).toInstant(), previous.plus(month),
                "exactly one calendar month after the previous now");
        assertEquals(month.toSeconds(), byMonth.path("advanced_by_seconds").asLong());
        assertEquals(target, Instant.parse(toInstant.path("now").asText()));
    }

    @Test
    void timeOnlyMovesForward() {
        TestHttp.Answer backwards = control.post("/clock/advance", "{\"duration\": \"-PT1H\"}");
        TestHttp.Answer toThePast = control.post("/clock/advance", "{\"to\": \"2020-01-01T00:00:00Z\"}");
        TestHttp.Answer twoAtOnce = control.post("/clock/advance", "{\"seconds\": 5, \"duration\": \"PT5S\"}");
        TestHttp.Answer gibberish = control.post("/clock/advance", "{\"duration\": \"tomorrow\"}");

        for (TestHttp.Answer refused : new TestHttp.Answer[] {backwards, toThePast, twoAtOnce, gibberish}) {
            assertEquals(422, refused.status(), refused.body());
            assertEquals("validation_error", refused.json().path("error").path("code").asText());
        }
        assertEquals(0, control.get("/clock").json().path("data").path("offset_seconds").asLong());
    }

    @Test
    void aCheckoutSessionLeftUnpaidExpiresAndConfirmingItThenSaysExpired() {
        TestHttp http = withoutCards();
        String session = http.post("/wallet/fund", "{\"amount\": 25}").json().path("data").path("session_id").asText();

        JsonNode advanced = control.post("/clock/advance", "{\"duration\": \"PT30M1S\"}").json().path("data");
        TestHttp.Answer confirm = http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");
        TestHttp.Answer pay = control.post("/checkout/sessions/" + session + "/pay", "{\"payment_method\": \"pm_card_visa\"}");

        assertEquals(1, job(advanced, "checkout_sessions_expired").asInt());
        assertEquals(409, confirm.status(), confirm.body());
        assertEquals("checkout_expired", confirm.json().path("error").path("code").asText());
        assertEquals(409, pay.status(), pay.body());
        assertEquals("checkout_expired", pay.json().path("error").path("code").asText());
        assertMoney("0", balance(http));
    }

    @Test
    void aCheckoutSessionStillOpenBeforeItsExpiryCanBePaidAndConfirmed() {
        TestHttp http = withoutCards();
        String session = http.post("/wallet/fund", "{\"amount\": 25}").json().path("data").path("session_id").asText();

        JsonNode advanced = control.post("/clock/advance", "{\"duration\": \"PT29M\"}").json().path("data");
        TestHttp.Answer pay = control.post("/checkout/sessions/" + session + "/pay", null);
        TestHttp.Answer confirm = http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");

        assertEquals(0, job(advanced, "checkout_sessions_expired").asInt());
        assertEquals("succeeded", pay.json().path("data").path("status").asText(), pay.body());
        assertEquals(200, confirm.status(), confirm.body());
        assertMoney("25.00", balance(http));
    }

    @Test
    void anIdempotencyKeyIsReplayedWithinADayAndAgesOutAfterIt() {
        TestHttp http = emu.http();
        String body = "{\"amount\": 15, \"payment_method_id\": \"pm_card_visa\"}";
        TestHttp.Answer first = http.post("/wallet/fund", body, "agent-fund-1");
        control.post("/clock/advance", "{\"duration\": \"PT23H\"}");
        TestHttp.Answer replay = http.post("/wallet/fund", body, "agent-fund-1");

        JsonNode advanced = control.post("/clock/advance", "{\"duration\": \"PT2H\"}").json().path("data");
        TestHttp.Answer afterADay = http.post("/wallet/fund", body, "agent-fund-1");

        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(paymentIntent(first), paymentIntent(replay));
        assertEquals(1, job(advanced, "idempotency_keys_expired").asInt());
        assertEquals(200, afterADay.status(), afterADay.body());
        assertNull(afterADay.header("Idempotent-Replayed"));
        assertNotEquals(paymentIntent(first), paymentIntent(afterADay));
        assertMoney("80.00", balance(http));
    }

    @Test
    void aTokenIssuedForAWeekStopsWorkingOnceAWeekHasPassed() {
        String token = control.post("/accounts/1/tokens", "{\"token_expiry\": \"1_week\"}").json().path("data").path("token").asText();
        TestHttp http = emu.as(token);
        control.post("/clock/advance", "{\"duration\": \"P6D\"}");
        assertEquals(200, http.get("/wallet/balance").status());

        JsonNode advanced = control.post("/clock/advance", "{\"duration\": \"P1DT1S\"}").json().path("data");
        TestHttp.Answer expired = http.get("/wallet/balance");

        assertEquals(1, job(advanced, "tokens_expired").asInt());
        assertEquals(401, expired.status(), expired.body());
        assertEquals("unauthenticated", expired.json().path("error").path("code").asText());
    }

    @Test
    void aWalletLeftBelowItsAutoFundingThresholdIsToppedUpWhenTimePasses() {
        TestHttp http = emu.http();
        assertEquals(200, http.put("/wallet/auto-funding",
                "{\"auto_charge_amount\": 25, \"charge_threshold\": 60}").status());

        JsonNode advanced = control.post("/clock/advance", "{\"duration\": \"PT1H\"}").json().path("data");
        JsonNode again = control.post("/clock/advance", "{\"duration\": \"PT1H\"}").json().path("data");

        assertEquals(1, job(advanced, "auto_funding_charges").asInt());
        assertMoney("75.00", balance(http));
        assertEquals(0, job(again, "auto_funding_charges").asInt(), "75.00 is above the threshold");
        JsonNode credit = http.get("/wallet/transactions?type=credit").json().path("data").path("items").get(0);
        assertEquals("auto_funding", credit.path("usecase").asText());
    }

    /** A new account with no saved card, so funding it opens a Checkout Session. */
    private TestHttp withoutCards() {
        return emu.as(emu.newAccount().token());
    }

    private static JsonNode job(JsonNode advanced, String name) {
        for (JsonNode job : advanced.path("jobs")) {
            if (job.path("name").asText().equals(name)) {
                return job.path("count");
            }
        }
        throw new AssertionError("no job " + name + " in " + advanced);
    }

    private static String paymentIntent(TestHttp.Answer fund) {
        return fund.json().path("data").path("payment").path("payment_intent_id").asText();
    }

    private static BigDecimal balance(TestHttp http) {
        return new BigDecimal(http.get("/wallet/balance").json().path("data").path("balance").asText());
    }
}
