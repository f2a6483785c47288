package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.McpAgent;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.emulator.mcp.ToolCatalogue;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Agent Control Plane MCP server of the target ({@code /mcp/agents}; {@code https://modelslab.com/mcp/agents}
 * live) held to the same contract as its REST API: each tool action's answer must be an answer the
 * contract allows for the operation the action is. Against a live server, as the REST live profile:
 * reads and free calls by default, money movement only with {@code -Dconformance.allowMoneyMovement=true}.
 */
@ConformanceCheck
class McpConformanceTest {

    private final Target target = Target.current();

    @Test
    void theServerIntroducesItselfAsTheHostedOneDoes() {
        try (McpAgent agent = McpAgent.connect(target, null)) {
            McpSchema.InitializeResult init = agent.initialization();

            assertEquals("modelslab-agent-control-plane", init.serverInfo().name());
            assertEquals("1.0.0", init.serverInfo().version());
        }
    }

    @Test
    void everyActionAndArgumentTheTwinOffersIsOffered() {
        try (McpAgent agent = McpAgent.connect(target, null)) {
            Map<String, McpSchema.Tool> offered = new java.util.HashMap<>();
            agent.tools().forEach(tool -> offered.put(tool.name(), tool));
            List<String> missing = new ArrayList<>();
            for (ToolCatalogue.CatalogueTool tool : McpAgent.TOOLS.tools()) {
                McpSchema.Tool listed = offered.get(tool.name());
                if (listed == null) {
                    missing.add(tool.name());
                    continue;
                }
                JsonNode schema = Json.MAPPER.valueToTree(listed.inputSchema());
                String actions = schema.path("properties").path("action").toString() + " " + listed.description();
                tool.actions().keySet().stream().filter(action -> !actions.contains(action))
                        .forEach(action -> missing.add(tool.name() + " " + action));
                tool.actions().values().forEach(action -> action.arguments().keySet().stream()
                        .filter(argument -> !schema.path("properties").has(argument))
                        .forEach(argument -> missing.add(tool.name() + " " + action.name() + " argument " + argument)));
            }

            assertEquals(List.of(), missing, "offered by the twin, not by " + target.mcpUrl());
        }
    }

    @Test
    void everyReadAnswersAsTheContractSays() {
        Accounts.Account account = target.accounts().own();
        if (target.isEmulator()) {
            // Something to read: a payment (and its invoice) and a subscription.
            Api api = target.api().as(account.token());
            api.call("POST", "/wallet/fund").body(Json.object("amount", 25,
                    "payment_method_id", "pm_card_visa")).header("Idempotency-Key", UUID.randomUUID().toString()).send().expect(200);
            api.call("POST", "/subscriptions").body(Json.object("plan_id", cheapestPlan(api),
                    "payment_method_id", "pm_card_visa")).header("Idempotency-Key", UUID.randomUUID().toString()).send().expect(200);
        }
        try (McpAgent agent = McpAgent.connect(target, account.token())) {
            agent.call("agent-tokens", "list").ok();
            for (String action : List.of("overview", "stripe-config", "payment-methods", "billing-info")) {
                agent.call("agent-billing", action).ok();
            }
            JsonNode invoices = agent.call("agent-billing", "invoices").ok();
            if (invoices.size() > 0) {
                String invoice = invoices.get(0).path("id").asText();
                agent.call("agent-billing", "invoice-detail", "invoice_id", invoice).ok();
                agent.call("agent-billing", "invoice-pdf", "invoice_id", invoice).ok();
            }
            agent.call("agent-wallet", "balance").ok();
            String payment = paymentIntent(target.api().as(account.token()));
            if (payment != null) {
                agent.call("agent-wallet", "payment-status", "payment_intent_id", payment).ok();
            }
            agent.call("agent-subscriptions", "list-plans").ok();
            JsonNode subscriptions = agent.call("agent-subscriptions", "list").ok();
            if (subscriptions.size() > 0) {
                agent.call("agent-subscriptions", "status", "subscription_id", subscriptions.get(0).path("id").asLong()).ok();
            }
        }
    }

    @Test
    void readsWithoutATokenAreRefusedUnauthenticated() {
        try (McpAgent anonymous = McpAgent.connect(target, null)) {
            anonymous.call("agent-wallet", "balance").refused("unauthenticated");
            anonymous.call("agent-billing", "invoices").refused("unauthenticated");
            anonymous.call("agent-subscriptions", "list").refused("unauthenticated");
            anonymous.call("agent-tokens", "list").refused("unauthenticated");
        }
    }

    @Test
    void unknownIdsAreNotFound() {
        try (McpAgent agent = McpAgent.connect(target, target.accounts().own().token())) {
            agent.call("agent-billing", "invoice-detail", "invoice_id", "in_ConformanceNoSuchInvoice0").refused("not_found");
            agent.call("agent-wallet", "payment-status", "payment_intent_id", "pi_ConformanceNoSuchPayment0").refused("not_found");
            agent.call("agent-subscriptions", "status", "subscription_id", 999_999_999).refused("not_found");
            agent.call("agent-wallet", "validate-coupon", "coupon_code", "NO-SUCH-COUPON-" + Long.toHexString(System.nanoTime()))
                    .refused("not_found");
        }
    }

    @Test
    void theFreeCallsAnswerAsTheContractSays() {
        try (McpAgent agent = McpAgent.connect(target, target.accounts().own().token())) {
            agent.call("agent-billing", "create-setup-intent").ok();
            String session = agent.call("agent-billing", "create-payment-link", "purpose", "fund", "amount", 15).ok()
                    .path("session_id").asText();
            agent.call("agent-wallet", "confirm-checkout", "session_id", session).refused("checkout_not_completed");
            agent.call("agent-billing", "create-payment-link", "purpose", "fund").refused("validation_error");
            JsonNode profile = agent.call("agent-billing", "billing-info").ok();
            // Written back as read: only the fields set (what is not sent is kept).
            List<Object> asRead = new ArrayList<>();
            profile.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    asRead.add(field.getKey());
                    asRead.add(Json.MAPPER.convertValue(field.getValue(), Object.class));
                }
            });
            assertEquals(profile, agent.call("agent-billing", "update-billing-info", asRead.toArray()).ok());
        }
    }

    @Test
    void logInWithoutATokenThenOutAgain() {
        Accounts.Account account = target.accounts().ownWithPassword();
        try (McpAgent anonymous = McpAgent.connect(target, null)) {
            String token = anonymous.call("agent-auth", "login", "email", account.email(), "password", account.password(),
                    "device_name", "conformance-suite-mcp", "token_expiry", "1_week").ok().path("access_token").asText();
            try (McpAgent agent = McpAgent.connect(target, token)) {
                agent.call("agent-auth", "logout").ok();
                agent.call("agent-wallet", "balance").refused("unauthenticated");
            }
            anonymous.call("agent-auth", "login", "email", account.email(), "password", account.password() + "-wrong")
                    .refused("invalid_credentials");
        }
    }

    @Test
    void aFundingRetriedWithItsIdempotencyKeyIsChargedOnce() {
        target.assumeAllowed(Impact.MOVES_MONEY, "funding the wallet through MCP");
        Accounts.Account account = target.accounts().own();
        String card = target.isEmulator() ? "pm_card_visa" : target.settings().paymentMethodId();
        String key = "conformance-mcp-fund-" + UUID.randomUUID();
        try (McpAgent agent = McpAgent.connect(target, account.token())) {
            List<Object> arguments = new ArrayList<>(List.of("amount", 10, "idempotency_key", key));
            if (card != null && !card.isEmpty()) {
                arguments.addAll(List.of("payment_method_id", card));
            }
            JsonNode first = agent.call("agent-wallet", "fund", arguments.toArray()).ok();
            McpAgent.ToolAnswer again = agent.call("agent-wallet", "fund", arguments.toArray());

            assertEquals(first.path("payment").path("payment_intent_id"), again.ok().path("payment").path("payment_intent_id"));
            assertTrue(again.envelope().path("meta").path("idempotency_replay").asBoolean(), again.envelope().toString());
        }
    }

    @Test
    void aDeclinedCardIsAToolErrorWithItsDeclineCode() {
        target.assumeEmulator("declines need Stripe's test cards");
        try (McpAgent agent = McpAgent.connect(target, target.accounts().own().token())) {
            McpAgent.ToolAnswer declined = agent.call("agent-wallet", "fund", "amount", 10,
                    "payment_method_id", "pm_card_visa_chargeDeclinedLostCard").refused("payment_declined");

            assertEquals("lost_card", declined.details().path("decline_code").asText());
        }
    }

    private static long cheapestPlan(Api api) {
        long cheapest = -1;
        double price = Double.MAX_VALUE;
        for (JsonNode plan : api.get("/subscriptions/plans").expect(200).data().path("subscription_plans")) {
            if (plan.path("price").asDouble() < price) {
                price = plan.path("price").asDouble();
                cheapest = plan.path("id").asLong();
            }
        }
        Assumptions.assumeTrue(cheapest > 0, "the target lists no plan");
        return cheapest;
    }

    /** A payment of the account's, from its ledger, or null when it has none. */
    private static String paymentIntent(Api api) {
        for (JsonNode entry : api.get("/wallet/transactions").expect(200).data().path("items")) {
            if (entry.path("transaction_id").asText("").startsWith("pi_")) {
                return entry.path("transaction_id").asText();
            }
        }
        return null;
    }
}
