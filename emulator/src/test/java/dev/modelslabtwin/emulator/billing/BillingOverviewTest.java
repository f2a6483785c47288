package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.OffsetDateTime;

import static dev.modelslabtwin.emulator.billing.BillingTests.data;
import static dev.modelslabtwin.emulator.billing.BillingTests.saveCard;
import static dev.modelslabtwin.emulator.billing.BillingTests.seedSubscription;
import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The billing overview follows the wallet, the cards, the subscriptions and the invoices as they change. */
class BillingOverviewTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aNewAccountsOverviewIsEmpty() {
        JsonNode overview = overview(emu.as(emu.newAccount().token()));

        assertMoney("0.00", overview.path("wallet_balance"));
        assertEquals("USD", overview.path("currency").asText());
        assertMoney("0.00", overview.path("total_deposits"));
        assertMoney("0.00", overview.path("total_charges"));
        assertFalse(overview.path("auto_funding").path("enabled").asBoolean());
        assertTrue(overview.path("active_subscription").isNull());
        assertEquals(0, overview.path("payment_methods").size());
        assertEquals(0, overview.path("subscriptions").size());
        assertEquals(0, overview.path("invoice_count").asInt());
    }

    @Test
    void theOverviewFollowsCardsFundingAndSpending() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String card = saveCard(http, "pm_card_visa", "");
        data(fund(http, "40", card));
        data(fund(http, "10", card));
        TestHttp.Answer spent = emu.controlPost("/accounts/" + account.id() + "/usage", "{\"amount\": 15.25}");
        assertEquals(200, spent.status(), spent.body());

        JsonNode overview = overview(http);

        assertMoney("34.75", overview.path("wallet_balance"));
        assertMoney("50.00", overview.path("total_deposits"));
        assertMoney("15.25", overview.path("total_charges"));
        assertEquals(2, overview.path("invoice_count").asInt());
        assertEquals(1, overview.path("payment_methods").size());
        assertEquals(card, overview.path("payment_methods").get(0).path("id").asText());
        assertTrue(overview.path("payment_methods").get(0).path("is_default").asBoolean());
        assertEquals(data(http.get("/billing/payment-methods")), overview.path("payment_methods"));
    }

    @Test
    void autoFundingShowsWithTheCardItWillCharge() {
        TestHttp http = emu.as(emu.newAccount().token());
        String card = saveCard(http, "pm_card_mastercard", "");
        assertEquals(200, http.put("/wallet/auto-funding", "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}").status());

        JsonNode autoFunding = overview(http).path("auto_funding");

        assertTrue(autoFunding.path("enabled").asBoolean());
        assertMoney("25.00", autoFunding.path("auto_charge_amount"));
        assertMoney("5.00", autoFunding.path("charge_threshold"));
        assertEquals(card, autoFunding.path("payment_method_id").asText());
        assertEquals(200, http.delete("/wallet/auto-funding").status());
        assertFalse(overview(http).path("auto_funding").path("enabled").asBoolean());
    }

    @Test
    void subscriptionsAreListedNewestFirstAndTheNewestInServiceOneIsTheActiveSubscription() {
        var account = emu.newAccount();
        long canceled = seedSubscription(emu, account, 30, "canceled", Duration.ofDays(90));
        long active = seedSubscription(emu, account, 10, "active", Duration.ofDays(20));
        long paused = seedSubscription(emu, account, 20, "paused", Duration.ofDays(2));

        JsonNode overview = overview(emu.as(account.token()));

        JsonNode subscriptions = overview.path("subscriptions");
        assertEquals(3, subscriptions.size());
        assertEquals(paused, subscriptions.get(0).path("id").asLong());
        assertEquals(active, subscriptions.get(1).path("id").asLong());
        assertEquals(canceled, subscriptions.get(2).path("id").asLong());
        assertEquals("Basic Enterprise", overview.path("active_subscription").asText());
        JsonNode basic = subscriptions.get(1);
        assertEquals(10, basic.path("plan_id").asLong());
        assertEquals("Basic Enterprise", basic.path("plan_name").asText());
        assertEquals("enterprise", basic.path("feature").asText());
        assertEquals("active", basic.path("status").asText());
        assertMoney("249.00", basic.path("amount"));
        assertEquals("monthly", basic.path("interval").asText());
        assertEquals(OffsetDateTime.parse(basic.path("current_period_end").asText()),
                OffsetDateTime.parse(basic.path("next_billing_date").asText()));
        assertTrue(subscriptions.get(0).path("next_billing_date").isNull(), "a paused subscription does not bill");
        assertTrue(subscriptions.get(2).path("next_billing_date").isNull(), "nor does a canceled one");
    }

    @Test
    void withNothingInServiceThereIsNoActiveSubscription() {
        var account = emu.newAccount();
        seedSubscription(emu, account, 20, "paused", Duration.ofDays(3));
        seedSubscription(emu, account, 40, "past_due", Duration.ofDays(1));

        JsonNode overview = overview(emu.as(account.token()));

        assertTrue(overview.path("active_subscription").isNull(), overview.toString());
        assertEquals(2, overview.path("subscriptions").size());
        assertTrue(overview.path("subscriptions").get(0).path("next_billing_date").isNull(), "no renewal while past due");
    }

    @Test
    void anotherAccountsActivityNeverShows() {
        var busy = emu.newAccount();
        TestHttp busyHttp = emu.as(busy.token());
        data(fund(busyHttp, "25", "pm_card_visa"));
        seedSubscription(emu, busy, 10, "active", Duration.ofDays(1));
        var quiet = emu.newAccount();

        JsonNode overview = overview(emu.as(quiet.token()));

        assertMoney("0.00", overview.path("wallet_balance"));
        assertEquals(0, overview.path("payment_methods").size());
        assertEquals(0, overview.path("subscriptions").size());
        assertEquals(0, overview.path("invoice_count").asInt());
        assertEquals(1, overview(busyHttp).path("invoice_count").asInt());
    }

    private static JsonNode overview(TestHttp http) {
        return data(http.get("/billing/overview"));
    }
}
