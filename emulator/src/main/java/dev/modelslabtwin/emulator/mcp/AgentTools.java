package dev.modelslabtwin.emulator.mcp;

import java.util.List;
import java.util.Map;

/**
 * The hosted Agent Control Plane's tools in the twin's scope, and for each action the REST operation it
 * is: the only thing about MCP written here by hand. Everything else — parameters, types, limits, what
 * each action does — is read from the contract (see {@link ToolCatalogue}), and an action whose operation
 * the contract does not hold yet is simply not offered until it does.
 *
 * <p>Sources: docs-v2 {@code mcp-web-api/agent-cp-tools-reference.mdx} (actions and parameter names) and the
 * newer public listing of the same server on glama.ai (the actions {@code verify}, {@code stripe-config},
 * {@code create-setup-intent}, {@code create-payment-link}, {@code balance}, {@code confirm-checkout},
 * {@code payment-status}, {@code status}, the tool titles, and {@code idempotency_key}, generated when
 * omitted for wallet {@code fund}, {@code auto-funding}, {@code redeem-coupon} and subscription
 * {@code create}). See {@code shared/reference/mcp-agents.md}.
 */
public final class AgentTools {

    /** The MCP argument that travels as the {@code Idempotency-Key} header, for every operation that takes it. */
    public static final String IDEMPOTENCY_KEY = "idempotency_key";

    /**
     * One action: its name, the contract's {@code operationId}, the MCP argument names that differ from
     * the contract's (MCP name to contract name, e.g. {@code subscription_id} to the path's {@code id}),
     * and whether an {@code idempotency_key} is made up when the caller sends none.
     */
    public record Action(String name, String operationId, Map<String, String> renames, boolean generatesIdempotencyKey) {
    }

    /** One tool: its name, its title and the sentence that opens its description, and its actions. */
    public record Tool(String name, String title, String purpose, List<Action> actions) {
    }

    private static Action action(String name, String operationId) {
        return new Action(name, operationId, Map.of(), false);
    }

    private static Action action(String name, String operationId, String mcpName, String contractName) {
        return new Action(name, operationId, Map.of(mcpName, contractName), false);
    }

    private static Action keyed(String name, String operationId) {
        return new Action(name, operationId, Map.of(), true);
    }

    /** The five tools; every operation named here is in the contract, so every action is offered. */
    public static final List<Tool> ALL = List.of(
            new Tool("agent-auth", "Agent Authentication",
                    "Authentication and account creation; login returns the bearer token for later calls.",
                    List.of(action("signup", "signup"),
                            action("login", "login"),
                            action("verify", "verifyEmail"),
                            action("logout", "logout"),
                            action("logout-all", "logoutAll"),
                            action("forgot-password", "forgotPassword"),
                            action("reset-password", "resetPassword"),
                            action("resend-verification", "resendVerification"))),
            new Tool("agent-tokens", "Agent Token Management",
                    "Manage the account's bearer (Sanctum) tokens.",
                    List.of(action("list", "listTokens"),
                            action("revoke", "revokeToken", "token_id", "id"),
                            action("revoke-others", "revokeOtherTokens"),
                            action("switch-account", "switchAccount"))),
            new Tool("agent-billing", "Agent Billing Management",
                    "Manage billing: Stripe configuration, cards, billing profile, invoices and payment links. Card "
                            + "numbers are never accepted: tokenise the card with Stripe (stripe-config gives the "
                            + "publishable key) and pass its payment_method_id.",
                    List.of(action("overview", "getBillingOverview"),
                            action("stripe-config", "getStripeConfig"),
                            action("create-setup-intent", "createSetupIntent"),
                            action("create-payment-link", "createPaymentLink"),
                            action("payment-methods", "listPaymentMethods"),
                            action("add-payment-method", "attachPaymentMethod"),
                            action("set-default-payment-method", "setDefaultPaymentMethod", "payment_method_id", "id"),
                            action("remove-payment-method", "removePaymentMethod", "payment_method_id", "id"),
                            action("billing-info", "getBillingInfo"),
                            action("update-billing-info", "updateBillingInfo"),
                            action("invoices", "listInvoices"),
                            action("invoice-detail", "getInvoice", "invoice_id", "id"),
                            action("invoice-pdf", "getInvoicePdf", "invoice_id", "id"))),
            new Tool("agent-wallet", "Agent Wallet Operations",
                    "Manage the wallet: balance, funding, auto-funding, withdrawals and coupons.",
                    List.of(action("balance", "getWalletBalance"),
                            keyed("fund", "fundWallet"),
                            action("confirm-checkout", "confirmWalletCheckout"),
                            action("payment-status", "getPaymentStatus", "payment_intent_id", "id"),
                            keyed("auto-funding", "setAutoFunding"),
                            action("disable-auto-funding", "disableAutoFunding"),
                            action("withdraw", "withdrawFromWallet"),
                            action("validate-coupon", "validateCoupon"),
                            keyed("redeem-coupon", "redeemCoupon"))),
            new Tool("agent-subscriptions", "Agent Subscription Management",
                    "Manage subscriptions: plans, subscribing, plan changes, pausing and resuming, charges. Use "
                            + "list-plans first to find a plan_id.",
                    List.of(action("list-plans", "listPlans"),
                            action("list", "listSubscriptions"),
                            keyed("create", "createSubscription"),
                            action("confirm-checkout", "confirmSubscriptionCheckout"),
                            action("status", "getSubscriptionStatus", "subscription_id", "id"),
                            action("update", "updateSubscription", "subscription_id", "id"),
                            action("pause", "pauseSubscription", "subscription_id", "id"),
                            action("resume", "resumeSubscription", "subscription_id", "id"),
                            action("reset-cycle", "resetSubscriptionCycle", "subscription_id", "id"),
                            action("charge-amount", "chargeSubscriptionAmount"),
                            action("fix-payment", "fixSubscriptionPayment", "subscription_id", "id"))));

    private AgentTools() {
    }
}
