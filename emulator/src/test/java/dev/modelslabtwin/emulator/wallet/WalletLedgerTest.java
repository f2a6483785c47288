package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.transactions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The balance and the ledger: newest first, filtered by type, paged, with the wallet's totals. */
class WalletLedgerTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void theBalanceIsTheWalletsInUpperCaseDollars() {
        var account = emu.newAccount(new BigDecimal("75.50"), Set.of("wallet:read"));

        TestHttp.Answer answer = emu.as(account.token()).get("/wallet/balance");

        assertEquals(200, answer.status());
        assertMoney("75.50", answer.json().path("data").path("balance"));
        assertEquals("USD", answer.json().path("data").path("currency").asText());
    }

    @Test
    void entriesComeNewestFirstWithTheWalletsTotals() {
        var account = emu.newAccount(new BigDecimal("100.00"), Set.of("*"));
        spend(account, "10.00", "first");
        spend(account, "20.00", "second");

        JsonNode page = transactions(emu.as(account.token()), "");

        assertEquals(List.of("second", "first", "Test balance"), descriptions(page));
        assertEquals(3, page.path("count").asInt());
        assertEquals(3, page.path("total").asInt());
        JsonNode newest = page.path("items").get(0);
        assertEquals("debit", newest.path("type").asText());
        assertEquals("usage", newest.path("usecase").asText());
        assertEquals("wallet", newest.path("source").asText());
        assertMoney("20.00", newest.path("amount"));
        JsonNode wallet = page.path("wallet");
        assertMoney("70.00", wallet.path("balance"));
        assertMoney("100.00", wallet.path("total_credited"));
        assertMoney("30.00", wallet.path("amount_used"));
        assertEquals("USD", wallet.path("currency").asText());
    }

    @Test
    void theTypeFilterKeepsOnlyCreditsOrOnlyDebitsAndTotalCountsTheFiltered() {
        var account = emu.newAccount(new BigDecimal("100.00"), Set.of("*"));
        spend(account, "1.00", "a");
        spend(account, "2.00", "b");
        TestHttp http = emu.as(account.token());

        JsonNode debits = transactions(http, "?type=debit");
        JsonNode credits = transactions(http, "?type=credit");

        assertEquals(List.of("b", "a"), descriptions(debits));
        assertEquals(2, debits.path("total").asInt());
        assertEquals(List.of("Test balance"), descriptions(credits));
        assertEquals(1, credits.path("total").asInt());
    }

    @Test
    void limitAndOffsetPageThroughTheLedgerWithoutGapsOrRepeats() {
        var account = emu.newAccount(new BigDecimal("100.00"), Set.of("*"));
        for (int i = 1; i <= 6; i++) {
            spend(account, "1.00", "spend " + i);
        }
        TestHttp http = emu.as(account.token());

        JsonNode first = transactions(http, "?limit=3");
        JsonNode second = transactions(http, "?limit=3&offset=3");
        JsonNode last = transactions(http, "?limit=3&offset=6");
        JsonNode beyond = transactions(http, "?limit=3&offset=50");

        assertEquals(List.of("spend 6", "spend 5", "spend 4"), descriptions(first));
        assertEquals(List.of("spend 3", "spend 2", "spend 1"), descriptions(second));
        assertEquals(List.of("Test balance"), descriptions(last));
        assertEquals(1, last.path("count").asInt());
        assertEquals(7, last.path("total").asInt());
        assertEquals(0, beyond.path("count").asInt());
        assertEquals(7, beyond.path("total").asInt());
    }

    @Test
    void theDefaultPageIsFiftyEntries() {
        var account = emu.newAccount(new BigDecimal("100.00"), Set.of("*"));
        for (int i = 0; i < 55; i++) {
            spend(account, "0.01", "tiny");
        }

        JsonNode page = transactions(emu.as(account.token()), "");

        assertEquals(50, page.path("count").asInt());
        assertEquals(56, page.path("total").asInt());
        assertEquals(56, transactions(emu.as(account.token()), "?limit=200").path("count").asInt());
    }

    @Test
    void aLimitOutsideOneTo200OrANegativeOffsetOrAnUnknownTypeIsAValidationError() {
        TestHttp http = emu.as(emu.newAccount().token());

        for (String query : new String[] {"?limit=0", "?limit=201", "?offset=-1", "?type=refund"}) {
            TestHttp.Answer answer = http.get("/wallet/transactions" + query);
            assertEquals(422, answer.status(), query + " " + answer.body());
            assertEquals("validation_error", answer.json().path("error").path("code").asText());
        }
    }

    @Test
    void oneAccountNeverSeesAnothersEntries() {
        var other = emu.newAccount(new BigDecimal("9.99"), Set.of("*"));
        spend(other, "1.00", "other's usage");
        var account = emu.newAccount();

        JsonNode page = transactions(emu.as(account.token()), "");

        assertEquals(0, page.path("total").asInt());
        assertTrue(page.path("items").isEmpty());
    }

    private static void spend(TestEmulator.TestAccount account, String amount, String description) {
        Usage.spend(emu.emulator().services(), emu.emulator().paymentIntents(), account.id(), new BigDecimal(amount), description);
    }

    private static List<String> descriptions(JsonNode page) {
        List<String> descriptions = new ArrayList<>();
        page.path("items").forEach(item -> descriptions.add(item.path("description").asText()));
        return descriptions;
    }
}
