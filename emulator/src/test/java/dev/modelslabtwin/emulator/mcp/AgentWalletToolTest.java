package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ControlHttp;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import org.junit.jupiter.api.Test;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code agent-wallet}: every action, as the REST API answers it, on the same wallet the REST API sees. */
class AgentWalletToolTest extends DefaultAgentTest {

    /** The seeded reseller account's token: only resellers may withdraw. */
    private static final String RESELLER_TOKEN = "2|twin_reseller_token_0123456789abcdefghij";

    @Test
    void balanceIsTheRestApisBalance() {
        JsonNode balance = mcp.call("agent-wallet", "balance").ok();

        assertMoney("50.00", balance.path("balance"));
        assertEquals("USD", balance.path("currency").asText());
        assertMoney(rest.get("/wallet/balance").json().path("data").path("balance").asText(), balance.path("balance"));
    }

    @Test
    void fundChargesTheCardAndTheRestApiSeesTheNewBalance() {
        JsonNode funded = mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "pm_card_visa").ok();

        assertEquals("succeeded", funded.path("payment").path("status").asText());
        assertMoney("75.00", funded.path("balance"));
        assertMoney("75.00", rest.get("/wallet/balance").json().path("data").path("balance"));
    }

    @Test
    void aDeclinedCardIsAToolErrorWithTheDeclineCode() {
        AgentMcpClient.Reply declined = mcp.call("agent-wallet", "fund", "amount", 25,
                "payment_method_id", "pm_card_visa_chargeDeclinedInsufficientFunds").refused("payment_declined");

        assertEquals("insufficient_funds", declined.details().path("decline_code").asText());
        assertTrue(declined.details().path("payment_intent_id").asText().startsWith("pi_"), declined.envelope().toString());
        assertEquals("Your card was declined.", declined.envelope().path("error").path("message").asText());
        assertMoney("50.00", rest.get("/wallet/balance").json().path("data").path("balance"));
    }

    @Test
    void fundWithoutAPaymentMethodCreatesACheckoutSessionAndChargesNothing() {
        JsonNode checkout = mcp.call("agent-wallet", "fund", "amount", 20).ok();

        assertTrue(checkout.path("session_id").asText().startsWith("cs_test_"), checkout.toString());
        assertTrue(checkout.path("payment_url").asText().endsWith("/checkout/" + checkout.path("session_id").asText()));
        assertMoney("50.00", rest.get("/wallet/balance").json().path("data").path("balance"));
        mcp.call("agent-wallet", "confirm-checkout", "session_id", checkout.path("session_id").asText())
                .refused("checkout_not_completed");
    }

    @Test
    void anAmountBelowTheMinimumIsTheApisValidationError() {
        AgentMcpClient.Reply refused = mcp.call("agent-wallet", "fund", "amount", 5).refused("validation_error");

        assertEquals("The amount must be at least 10.", refused.details().path("amount").path(0).asText());
    }

    @Test
    void confirmCheckoutCreditsAPaidPaymentLinkOnce(@EmulatorBaseUrl String baseUrl) {
        String session = mcp.call("agent-billing", "create-payment-link", "purpose", "fund", "amount", 30).ok()
                .path("session_id").asText();
        mcp.call("agent-wallet", "confirm-checkout", "session_id", session).refused("checkout_not_completed");
        new ControlHttp(baseUrl).post("/checkout/sessions/" + session + "/pay", "{\"payment_method\": \"pm_card_visa\"}");

        JsonNode confirmed = mcp.call("agent-wallet", "confirm-checkout", "session_id", session).ok();

        assertMoney("80.00", confirmed.path("balance"));
        assertTrue(mcp.call("agent-wallet", "confirm-checkout", "session_id", session).ok().path("already_confirmed").asBoolean());
    }

    @Test
    void paymentStatusReadsAPaymentByItsIntent() {
        String intent = mcp.call("agent-wallet", "fund", "amount", 10, "payment_method_id", "pm_card_visa").ok()
                .path("payment").path("payment_intent_id").asText();

        assertEquals("succeeded", mcp.call("agent-wallet", "payment-status", "payment_intent_id", intent).ok().path("status").asText());
        mcp.call("agent-wallet", "payment-status", "payment_intent_id", "pi_NoSuchPaymentIntent0001").refused("not_found");
    }

    @Test
    void autoFundingIsArmedAndDisarmed() {
        JsonNode armed = mcp.call("agent-wallet", "auto-funding", "auto_charge_amount", 20, "charge_threshold", 5).ok();
        assertTrue(armed.path("enabled").asBoolean());
        assertMoney("20.00", armed.path("auto_charge_amount"));

        assertEquals(false, mcp.call("agent-wallet", "disable-auto-funding").ok().path("enabled").asBoolean(true));
        AgentMcpClient.Reply refused = mcp.call("agent-wallet", "auto-funding", "auto_charge_amount", 2, "charge_threshold", 5)
                .refused("validation_error");
        assertTrue(refused.details().has("auto_charge_amount"), refused.envelope().toString());
    }

    @Test
    void withdrawIsForResellersAsOnTheRestApi(@EmulatorBaseUrl String baseUrl) {
        mcp.call("agent-wallet", "withdraw", "amount", 5).refused("reseller_only");
        try (AgentMcpClient reseller = AgentMcpClient.withBearer(baseUrl, RESELLER_TOKEN)) {
            assertMoney("495.00", reseller.call("agent-wallet", "withdraw", "amount", 5).ok().path("balance"));
        }
    }

    @Test
    void aCouponIsValidatedAndRedeemedOnce() {
        assertTrue(mcp.call("agent-wallet", "validate-coupon", "coupon_code", "WELCOME10").ok().path("valid").asBoolean());
        assertMoney("60.00", mcp.call("agent-wallet", "redeem-coupon", "coupon_code", "WELCOME10").ok().path("balance"));

        mcp.call("agent-wallet", "redeem-coupon", "coupon_code", "WELCOME10").refused("coupon_already_redeemed");
        mcp.call("agent-wallet", "validate-coupon", "coupon_code", "NO-SUCH-COUPON").refused("not_found");
    }
}
