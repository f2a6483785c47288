package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code agent-subscriptions}: every action, as the REST API answers it, on the subscriptions the REST API sees. */
class AgentSubscriptionsToolTest extends DefaultAgentTest {

    /** The seed's Standard plan, $27 a month, and its Imagen Pro plan. */
    private static final int STANDARD = 20;
    private static final int IMAGEN_PRO = 30;

    @Test
    void thePlansAreTheRestApis() {
        JsonNode plans = mcp.call("agent-subscriptions", "list-plans").ok();

        assertEquals(6, plans.path("subscription_plans").size(), plans.toString());
        assertEquals(AgentMcpClient.parse(rest.get("/subscriptions/plans").body()).path("data"), plans);
    }

    @Test
    void aSubscriptionIsCreatedListedAndPaused() {
        JsonNode created = mcp.call("agent-subscriptions", "create", "plan_id", STANDARD, "payment_method_id", "pm_card_visa").ok();
        assertEquals("active", created.path("status").asText());
        long id = created.path("subscription").path("id").asLong();

        JsonNode listed = mcp.call("agent-subscriptions", "list").ok();
        assertEquals(id, listed.path(0).path("id").asLong(), listed.toString());
        JsonNode paused = mcp.call("agent-subscriptions", "pause", "subscription_id", id).ok();

        assertEquals("paused", paused.path("subscription").path("status").asText());
        assertEquals("paused", rest.get("/subscriptions/" + id + "/status").json().path("data").path("status").asText());
    }

    @Test
    void aPausedSubscriptionIsResumedItsCycleResetAndItsPlanChanged() {
        long id = subscribe();
        mcp.call("agent-subscriptions", "resume", "subscription_id", id).refused("invalid_state");
        mcp.call("agent-subscriptions", "pause", "subscription_id", id).ok();

        assertEquals("active", mcp.call("agent-subscriptions", "resume", "subscription_id", id).ok().path("subscription").path("status").asText());
        assertEquals("active", mcp.call("agent-subscriptions", "reset-cycle", "subscription_id", id).ok().path("subscription").path("status").asText());
        assertEquals(IMAGEN_PRO, mcp.call("agent-subscriptions", "update", "subscription_id", id, "new_plan_id", IMAGEN_PRO).ok()
                .path("subscription").path("plan_id").asInt());
        assertEquals("active", mcp.call("agent-subscriptions", "status", "subscription_id", id).ok().path("status").asText());
    }

    @Test
    void aDeclinedCardIsAToolErrorWithTheDeclineCode() {
        AgentMcpClient.Reply declined = mcp.call("agent-subscriptions", "create", "plan_id", STANDARD,
                "payment_method_id", "pm_card_chargeCustomerFail").refused("payment_declined");

        assertEquals("generic_decline", declined.details().path("decline_code").asText());
        assertEquals(0, rest.get("/subscriptions").json().path("data").size(), "nothing was subscribed");
    }

    @Test
    void anUnknownSubscriptionIsNotFound() {
        mcp.call("agent-subscriptions", "pause", "subscription_id", 9999).refused("not_found");
    }

    @Test
    void chargeAmountChargesTheCardWithinItsLimits() {
        subscribe();

        assertMoney("5.00", mcp.call("agent-subscriptions", "charge-amount", "amount", 5).ok().path("amount"));
        mcp.call("agent-subscriptions", "charge-amount", "amount", 4.99).refused("validation_error");
    }

    @Test
    void fixPaymentPaysAFailedRenewalWithANewDefaultCard(Emulator emulator) {
        JsonNode subscription = mcp.call("agent-subscriptions", "create", "plan_id", STANDARD, "payment_method_id", "pm_card_visa")
                .ok().path("subscription");
        long id = subscription.path("id").asLong();
        mcp.call("agent-subscriptions", "fix-payment", "subscription_id", id).refused("invalid_state");
        mcp.call("agent-billing", "add-payment-method", "payment_method_id", "pm_card_chargeCustomerFail").ok();
        mcp.call("agent-billing", "remove-payment-method", "payment_method_id", subscription.path("payment_method_id").asText()).ok();
        emulator.advanceClock(Duration.ofDays(32));
        assertEquals("past_due", mcp.call("agent-subscriptions", "status", "subscription_id", id).ok().path("status").asText());
        mcp.call("agent-billing", "add-payment-method", "payment_method_id", "pm_card_mastercard").ok();

        JsonNode fixed = mcp.call("agent-subscriptions", "fix-payment", "subscription_id", id).ok();

        assertEquals("active", fixed.path("subscription").path("status").asText());
    }

    @Test
    void confirmCheckoutRefusesASessionNobodyPaid() {
        String session = mcp.call("agent-billing", "create-payment-link", "purpose", "subscribe", "plan_id", STANDARD).ok()
                .path("session_id").asText();

        mcp.call("agent-subscriptions", "confirm-checkout", "session_id", session).refused("checkout_not_completed");
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedNamingIt(@EmulatorBaseUrl String baseUrl) {
        String reader = mcp.call("agent-auth", "login", "email", "agent@example.com", "password", "password",
                "scopes", java.util.List.of("subscriptions:read")).ok().path("access_token").asText();
        try (AgentMcpClient narrow = AgentMcpClient.withBearer(baseUrl, reader)) {
            narrow.call("agent-subscriptions", "list").ok();
            AgentMcpClient.Reply refused = narrow.call("agent-subscriptions", "create", "plan_id", STANDARD).refused("insufficient_scope");

            assertEquals("subscriptions:write", refused.details().path("required_scope").asText());
        }
    }

    private long subscribe() {
        return mcp.call("agent-subscriptions", "create", "plan_id", STANDARD, "payment_method_id", "pm_card_visa").ok()
                .path("subscription").path("id").asLong();
    }
}
