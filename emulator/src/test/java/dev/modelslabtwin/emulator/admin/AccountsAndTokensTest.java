package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accounts and tokens made through the control API, and spending from a wallet as generation calls do. */
class AccountsAndTokensTest extends ResetBeforeEachTest {

    @Test
    void anAccountMadeWithNothingSaidGetsAnEmailAnEmptyWalletAndAFullToken() {
        TestHttp.Answer created = control.post("/accounts", null);

        assertEquals(201, created.status(), created.body());
        JsonNode account = created.json().path("data");
        assertTrue(account.path("email").asText().endsWith("@emulator.test"));
        assertEquals("*", account.path("tokens").get(0).path("scopes").get(0).asText());
        TestHttp http = emu.as(account.path("tokens").get(0).path("token").asText());
        assertEquals(0, ResetTest.balance(http).signum());
        assertEquals(200, http.get("/auth/tokens").status());
    }

    @Test
    void anAccountMadeWithABalanceCardsAndAScopedTokenHasThemAll() {
        TestHttp.Answer created = control.post("/accounts", """
                {"email": "Second.Agent@Example.com", "balance": 42.10, "reseller": true,
                 "payment_methods": ["pm_card_visa"], "token": {"name": "reader", "scopes": ["wallet:read", "billing:read"]}}""");

        assertEquals(201, created.status(), created.body());
        JsonNode account = created.json().path("data");
        assertEquals("second.agent@example.com", account.path("email").asText());
        TestHttp http = emu.as(account.path("tokens").get(0).path("token").asText());
        assertMoney("42.10", ResetTest.balance(http));
        assertEquals(403, http.post("/wallet/fund", "{\"amount\": 10}").status());
        assertTrue(account.path("payment_methods").get(0).asText().startsWith("pm_"));
    }

    @Test
    void anAccountWhoseEmailIsTakenIsAConflict() {
        TestHttp.Answer taken = control.post("/accounts", "{\"email\": \"agent@example.com\"}");

        assertEquals(409, taken.status(), taken.body());
        assertEquals("account_exists", taken.json().path("error").path("code").asText());
    }

    @Test
    void aTokenIssuedForAnAccountActsForItWithItsScopes() {
        TestHttp.Answer issued = control.post("/accounts/1/tokens", "{\"name\": \"ci\", \"scopes\": [\"wallet:read\"]}");

        assertEquals(201, issued.status(), issued.body());
        TestHttp http = emu.as(issued.json().path("data").path("token").asText());
        assertMoney("50.00", ResetTest.balance(http));
        TestHttp.Answer writing = http.post("/wallet/fund", "{\"amount\": 10}");
        assertEquals(403, writing.status());
        assertEquals("wallet:write", writing.json().path("error").path("details").path("required_scope").asText());
    }

    @Test
    void aTokenWithAnUnknownScopeOrExpiryIsRefused() {
        TestHttp.Answer scope = control.post("/accounts/1/tokens", "{\"scopes\": [\"wallet:everything\"]}");
        TestHttp.Answer expiry = control.post("/accounts/1/tokens", "{\"token_expiry\": \"2_weeks\"}");

        assertEquals(422, scope.status(), scope.body());
        assertTrue(scope.json().path("error").path("details").has("scopes"), scope.body());
        assertEquals(422, expiry.status(), expiry.body());
        assertTrue(expiry.json().path("error").path("details").has("token_expiry"), expiry.body());
    }

    @Test
    void aTokenForAnAccountThatDoesNotExistIsNotFound() {
        assertEquals(404, control.post("/accounts/9999/tokens", null).status());
    }

    @Test
    void usageSpendsFromTheWalletAsAGenerationCallWouldAndShowsInTheLedger() {
        TestHttp.Answer spent = control.post("/accounts/1/usage", "{\"amount\": 2.50, \"description\": \"sdxl, 4 images\"}");

        assertEquals(200, spent.status(), spent.body());
        assertMoney("47.50", spent.json().path("data").path("balance").decimalValue());
        assertMoney("47.50", ResetTest.balance(emu.http()));
        JsonNode debit = emu.http().get("/wallet/transactions?type=debit").json().path("data").path("items").get(0);
        assertEquals("usage", debit.path("usecase").asText());
        assertEquals(spent.json().path("data").path("transaction_id").asLong(), debit.path("id").asLong());
    }

    @Test
    void usageBeyondTheBalanceIsRefusedAndTakesNothing() {
        TestHttp.Answer refused = control.post("/accounts/1/usage", "{\"amount\": 50.01}");

        assertEquals(422, refused.status(), refused.body());
        assertEquals("insufficient_balance", refused.json().path("error").path("code").asText());
        assertMoney("50.00", ResetTest.balance(emu.http()));
    }

    @Test
    void usageWithAFractionOfACentIsAValidationError() {
        TestHttp.Answer refused = control.post("/accounts/1/usage", "{\"amount\": 0.001}");

        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.json().path("error").path("details").has("amount"), refused.body());
    }
}
