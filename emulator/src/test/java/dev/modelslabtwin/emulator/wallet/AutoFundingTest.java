package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Set;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.attach;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static dev.modelslabtwin.emulator.wallet.WalletTests.paidInvoices;
import static dev.modelslabtwin.emulator.wallet.WalletTests.transactions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auto-funding settings, and their effect when usage spends the wallet below the threshold. */
class AutoFundingTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void enablingAnswersTheSettingsAndTheDefaultCardItWillCharge() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");

        TestHttp.Answer answer = enable(emu.as(account.token()), "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertTrue(data.path("enabled").asBoolean());
        assertMoney("25.00", data.path("auto_charge_amount"));
        assertMoney("5.00", data.path("charge_threshold"));
        assertEquals(card, data.path("payment_method_id").asText());
    }

    @Test
    void theClisFieldNamesAreAcceptedAndTheDocumentedOnesWinWhenBothAreSent() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        JsonNode cli = enable(http, "{\"amount\": 30, \"threshold\": 3}").json().path("data");
        JsonNode both = enable(http, "{\"auto_charge_amount\": 40, \"amount\": 30, \"charge_threshold\": 4, \"threshold\": 3}")
                .json().path("data");

        assertMoney("30.00", cli.path("auto_charge_amount"));
        assertMoney("3.00", cli.path("charge_threshold"));
        assertMoney("40.00", both.path("auto_charge_amount"));
        assertMoney("4.00", both.path("charge_threshold"));
    }

    @Test
    void amountsBelowTheMinimumsOrMissingAreValidationErrors() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        assertValidationError(enable(http, "{\"auto_charge_amount\": 4.99, \"charge_threshold\": 5}"), "auto_charge_amount");
        assertValidationError(enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 0.99}"), "charge_threshold");
        assertValidationError(enable(http, "{\"amount\": 4, \"threshold\": 5}"), "amount");
        assertValidationError(enable(http, "{\"charge_threshold\": 5}"), "auto_charge_amount");
        assertValidationError(enable(http, "{\"auto_charge_amount\": 25}"), "charge_threshold");
    }

    @Test
    void withoutASavedCardAutoFundingCannotBeEnabled() {
        var account = emu.newAccount();

        TestHttp.Answer answer = enable(emu.as(account.token()), "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        assertValidationError(answer, "payment_method_id");
    }

    @Test
    void disablingAnswersNullSettingsAndIsHarmlessWhenAlreadyDisabled() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        TestHttp.Answer first = http.delete("/wallet/auto-funding");
        TestHttp.Answer second = http.delete("/wallet/auto-funding");

        for (TestHttp.Answer answer : new TestHttp.Answer[] {first, second}) {
            assertEquals(200, answer.status(), answer.body());
            JsonNode data = answer.json().path("data");
            assertFalse(data.path("enabled").asBoolean());
            assertTrue(data.path("auto_charge_amount").isNull());
            assertTrue(data.path("charge_threshold").isNull());
            assertTrue(data.path("payment_method_id").isNull());
        }
    }

    @Test
    void usageThatLeavesTheBalanceBelowTheThresholdChargesTheDefaultCardInTheSameStep() {
        var account = emu.newAccount(new BigDecimal("12.00"), Set.of("*"));
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        Usage.Spent spent = spend(account, "8.00");

        assertTrue(spent.autoFunding().succeeded());
        assertMoney("29.00", spent.balance());
        assertMoney("29.00", balance(http));
        JsonNode credit = transactions(http, "?type=credit").path("items").get(0);
        assertEquals("auto_funding", credit.path("usecase").asText());
        assertEquals("stripe", credit.path("source").asText());
        assertMoney("25.00", credit.path("amount"));
        String paymentIntent = credit.path("transaction_id").asText();
        assertEquals(spent.autoFunding().paymentIntentId(), paymentIntent);
        assertEquals(1, paidInvoices(emu, account, paymentIntent));
        assertEquals("auto_funding", http.get("/payments/" + paymentIntent + "/status").json()
                .path("data").path("purpose").asText());
    }

    @Test
    void usageThatKeepsTheBalanceAtOrAboveTheThresholdChargesNothing() {
        var account = emu.newAccount(new BigDecimal("12.00"), Set.of("*"));
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        Usage.Spent spent = spend(account, "7.00");

        assertNull(spent.autoFunding());
        assertMoney("5.00", balance(http));
        assertEquals(1, transactions(http, "?type=credit").path("total").asInt());
    }

    @Test
    void onceDisabledUsageBelowTheThresholdChargesNothing() {
        var account = emu.newAccount(new BigDecimal("12.00"), Set.of("*"));
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");
        http.delete("/wallet/auto-funding");

        Usage.Spent spent = spend(account, "10.00");

        assertNull(spent.autoFunding());
        assertMoney("2.00", balance(http));
    }

    @Test
    void aDeclinedAutoChargeKeepsTheUsageDebitAndIsRecordedAsAFailedEntry() {
        var account = emu.newAccount(new BigDecimal("12.00"), Set.of("*"));
        attach(emu, account, "pm_card_chargeCustomerFail");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        Usage.Spent spent = spend(account, "8.00");

        assertFalse(spent.autoFunding().succeeded());
        assertEquals("generic_decline", spent.autoFunding().declineCode());
        assertMoney("4.00", balance(http));
        JsonNode failed = transactions(http, "?type=credit").path("items").get(0);
        assertEquals("failed", failed.path("status").asText());
        assertEquals("auto_funding", failed.path("usecase").asText());
        assertEquals(spent.autoFunding().paymentIntentId(), failed.path("transaction_id").asText());
        JsonNode ledger = transactions(http, "");
        assertMoney("12.00", ledger.path("wallet").path("total_credited"));
        assertMoney("8.00", ledger.path("wallet").path("amount_used"));
        assertEquals("failed", http.get("/payments/" + spent.autoFunding().paymentIntentId() + "/status").json()
                .path("data").path("status").asText());
    }

    @Test
    void aCardNeeding3DSecureCannotBeChargedAutomatically() {
        var account = emu.newAccount(new BigDecimal("12.00"), Set.of("*"));
        attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        Usage.Spent spent = spend(account, "8.00");

        assertEquals("authentication_required", spent.autoFunding().declineCode());
        assertMoney("4.00", balance(http));
        JsonNode status = http.get("/payments/" + spent.autoFunding().paymentIntentId() + "/status").json().path("data");
        assertEquals("failed", status.path("status").asText());
        assertEquals("authentication_required", status.path("decline_code").asText());
    }

    @Test
    void aCardRemovedAfterEnablingLeavesAFailedEntryAndTheDebit() {
        var account = emu.newAccount(new BigDecimal("12.00"), Set.of("*"));
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");
        emu.database().transaction(db -> PaymentMethods.detach(db, account.id(), card, emu.clock().instant()));

        Usage.Spent spent = spend(account, "8.00");

        assertEquals("no_payment_method", spent.autoFunding().declineCode());
        assertMoney("4.00", balance(http));
        assertEquals("failed", transactions(http, "?type=credit").path("items").get(0).path("status").asText());
    }

    @Test
    void spendingMoreThanTheBalanceWithoutAutoFundingIsRefusedAndTakesNothing() {
        var account = emu.newAccount(new BigDecimal("3.00"), Set.of("*"));

        ApiProblem refused = assertThrows(ApiProblem.class, () -> spend(account, "3.01"));

        assertEquals(422, refused.status());
        assertEquals("insufficient_balance", refused.code());
        assertMoney("3.00", balance(emu.as(account.token())));
    }

    @Test
    void spendingMoreThanTheBalanceIsCoveredByAnAutoChargeThatMakesItAffordable() {
        var account = emu.newAccount(new BigDecimal("3.00"), Set.of("*"));
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        Usage.Spent spent = spend(account, "25.00");

        assertTrue(spent.autoFunding().succeeded());
        assertMoney("3.00", balance(http));
        JsonNode items = transactions(http, "").path("items");
        assertEquals("debit", items.get(0).path("type").asText());
        assertEquals("auto_funding", items.get(1).path("usecase").asText());
        assertEquals(1, transactions(http, "").path("items").findValues("usecase").stream()
                .filter(usecase -> usecase.asText().equals("auto_funding")).count(), "one automatic charge per spend");
    }

    @Test
    void spendingMoreThanTheBalanceAndTheAutoChargeTogetherIsRefusedWithoutCharging() {
        var account = emu.newAccount(new BigDecimal("3.00"), Set.of("*"));
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        ApiProblem refused = assertThrows(ApiProblem.class, () -> spend(account, "28.01"));

        assertEquals("insufficient_balance", refused.code());
        assertMoney("3.00", balance(http));
        assertEquals(1, transactions(http, "").path("total").asInt());
    }

    @Test
    void whenTheCoveringAutoChargeIsDeclinedTheSpendIsRefusedButTheFailedChargeIsKept() {
        var account = emu.newAccount(new BigDecimal("3.00"), Set.of("*"));
        attach(emu, account, "pm_card_chargeCustomerFail");
        TestHttp http = emu.as(account.token());
        enable(http, "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");

        ApiProblem refused = assertThrows(ApiProblem.class, () -> spend(account, "20.00"));

        assertEquals(422, refused.status());
        assertEquals("insufficient_balance", refused.code());
        assertEquals("generic_decline", refused.details().get("auto_funding_decline_code"));
        assertMoney("3.00", balance(http));
        JsonNode newest = transactions(http, "").path("items").get(0);
        assertEquals("failed", newest.path("status").asText());
        assertEquals("auto_funding", newest.path("usecase").asText());
        assertEquals(0, transactions(http, "?type=debit").path("total").asInt());
    }

    @Test
    void aSpendOfNothingOrOfFractionsOfACentIsAValidationError() {
        var account = emu.newAccount(new BigDecimal("3.00"), Set.of("*"));

        assertEquals("validation_error", assertThrows(ApiProblem.class, () -> spend(account, "0")).code());
        assertEquals("validation_error", assertThrows(ApiProblem.class, () -> spend(account, "-1")).code());
        assertEquals("validation_error", assertThrows(ApiProblem.class, () -> spend(account, "0.001")).code());
        assertMoney("3.00", balance(emu.as(account.token())));
    }

    private static Usage.Spent spend(TestEmulator.TestAccount account, String amount) {
        return Usage.spend(emu.emulator().services(), emu.emulator().paymentIntents(), account.id(), new BigDecimal(amount), "Image generation");
    }

    private static TestHttp.Answer enable(TestHttp http, String body) {
        return http.put("/wallet/auto-funding", body);
    }

    private static void assertValidationError(TestHttp.Answer answer, String field) {
        assertEquals(422, answer.status(), answer.body());
        assertEquals("validation_error", answer.json().path("error").path("code").asText());
        assertTrue(answer.json().path("error").path("details").has(field), answer.body());
    }
}
