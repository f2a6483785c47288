package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Set;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Withdrawals: resellers only, never more than the balance, a debit with usecase withdrawal. */
class WithdrawalTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aResellerWithdrawsAndTheLedgerRecordsTheDebit() {
        var reseller = reseller("75.50");
        TestHttp http = emu.as(reseller.token());

        TestHttp.Answer answer = http.post("/wallet/withdraw", "{\"amount\": 20}");

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertMoney("20.00", data.path("amount"));
        assertMoney("55.50", data.path("balance"));
        assertMoney("55.50", balance(http));
        JsonNode entry = WalletTests.transactions(http, "?type=debit").path("items").get(0);
        assertEquals(data.path("transaction_id").asLong(), entry.path("id").asLong());
        assertEquals("withdrawal", entry.path("usecase").asText());
        assertEquals("withdrawal", entry.path("source").asText());
        assertTrue(entry.path("transaction_id").asText().startsWith("po_"));
    }

    @Test
    void anAccountThatIsNotAResellerGets403ResellerOnly() {
        var account = emu.newAccount(new BigDecimal("50.00"), Set.of("*"));
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = http.post("/wallet/withdraw", "{\"amount\": 20}");

        assertEquals(403, answer.status(), answer.body());
        assertEquals("reseller_only", answer.json().path("error").path("code").asText());
        assertMoney("50.00", balance(http));
    }

    @Test
    void withdrawingMoreThanTheBalanceIs422InsufficientBalanceAndTakesNothing() {
        var reseller = reseller("15.50");
        TestHttp http = emu.as(reseller.token());

        TestHttp.Answer answer = http.post("/wallet/withdraw", "{\"amount\": 20}");

        assertEquals(422, answer.status(), answer.body());
        assertEquals("insufficient_balance", answer.json().path("error").path("code").asText());
        assertMoney("15.50", answer.json().path("error").path("details").path("balance"));
        assertMoney("20.00", answer.json().path("error").path("details").path("requested"));
        assertMoney("15.50", balance(http));
    }

    @Test
    void theWholeBalanceCanBeWithdrawn() {
        var reseller = reseller("20.00");
        TestHttp http = emu.as(reseller.token());

        assertEquals(200, http.post("/wallet/withdraw", "{\"amount\": 20}").status());

        assertMoney("0.00", balance(http));
    }

    @Test
    void theSeededResellerCanWithdraw() {
        TestHttp http = emu.as(emu.database().transaction(db -> AccessTokens.plainTextOf(db,
                "twin_reseller_token_0123456789abcdefghij", emu.clock().instant())).orElseThrow());
        BigDecimal before = balance(http);

        assertEquals(200, http.post("/wallet/withdraw", "{\"amount\": 1}").status());

        assertMoney(before.subtract(BigDecimal.ONE).toPlainString(), balance(http));
    }

    @Test
    void aWithdrawalDoesNotTriggerAutoFunding() {
        var reseller = reseller("50.00");
        WalletTests.attach(emu, reseller, "pm_card_visa");
        TestHttp http = emu.as(reseller.token());
        assertEquals(200, http.put("/wallet/auto-funding", "{\"auto_charge_amount\": 25, \"charge_threshold\": 10}").status());

        assertEquals(200, http.post("/wallet/withdraw", "{\"amount\": 45}").status());

        assertMoney("5.00", balance(http));
        assertEquals(0, WalletTests.transactions(http, "?type=credit").path("items").findValues("usecase").stream()
                .filter(usecase -> usecase.asText().equals("auto_funding")).count());
    }

    private static TestEmulator.TestAccount reseller(String balance) {
        var account = emu.newAccount(new BigDecimal(balance), Set.of("*"));
        emu.database().transaction(db -> Sql.update(db, "UPDATE accounts SET reseller = TRUE WHERE id = ?", account.id()));
        return account;
    }
}
