package dev.modelslabtwin.client;

import dev.modelslabtwin.client.model.TransactionType;
import dev.modelslabtwin.client.model.UpdateBillingInfoRequest;
import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.lint.Operations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.modelslabtwin.client.ScriptedServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of the contract is reachable through the friendly layer, at the right method and path. */
class OperationCoverageTest {

    private static final String PREFIX = "/api/agents/v1";

    /**
     * One friendly call and the request the contract expects from it; {@code fromRoot}: the path is at the
     * site root (the contract's verification link), not under the API's base.
     */
    record Operation(String operationId, String method, String path, String query, boolean keyed, String data,
                     Function<ModelsLabClient, Object> call, boolean fromRoot) {

        Operation(String operationId, String method, String path, String query, boolean keyed, String data,
                  Function<ModelsLabClient, Object> call) {
            this(operationId, method, path, query, keyed, data, call, false);
        }

        @Override
        public String toString() {
            return operationId + " -> " + method + " " + path;
        }
    }

    private static Operation op(String id, String method, String path, boolean keyed, String data,
                                Function<ModelsLabClient, Object> call) {
        return new Operation(id, method, path, null, keyed, data, call);
    }

    static List<Operation> operations() {
        BigDecimal amount = new BigDecimal("25");
        return List.of(
                op("signup", "POST", "/auth/signup", false, "{}", c -> c.auth().signup("agent@example.com", "secret123", "Agent")),
                op("verifyEmail", "POST", "/auth/verify-email", false, "{}", c -> c.auth().verifyEmail("9f86d081")),
                op("verifyEmailAlias", "POST", "/auth/verify", false, "{}", c -> c.auth().verifyEmailAlias("9f86d081")),
                op("login", "POST", "/auth/login", false, "{}", c -> c.auth().login("agent@example.com", "secret123")),
                op("refreshToken", "POST", "/auth/refresh", false, "{}", c -> c.auth().refresh()),
                op("logout", "POST", "/auth/logout", false, "{}", c -> c.auth().logout()),
                op("logoutAll", "POST", "/auth/logout-all", false, "{}", c -> c.auth().logoutAll()),
                op("listTokens", "GET", "/auth/tokens", false, "[]", c -> c.auth().tokens()),
                op("revokeToken", "DELETE", "/auth/tokens/41", false, "{}", c -> c.auth().revokeToken(41)),
                op("revokeOtherTokens", "POST", "/auth/tokens/revoke-others", false, "{}", c -> c.auth().revokeOtherTokens()),
                op("listScopes", "GET", "/auth/scopes", false, "[]", c -> c.auth().scopes()),
                op("resendVerification", "POST", "/auth/resend-verification", false, "{}",
                        c -> c.auth().resendVerification("agent@example.com")),
                op("forgotPassword", "POST", "/auth/forgot-password", false, "{}", c -> c.auth().forgotPassword("agent@example.com")),
                op("resetPassword", "POST", "/auth/reset-password", false, "{}",
                        c -> c.auth().resetPassword("agent@example.com", "0f1e2d", "new-secret123")),
                op("switchAccount", "POST", "/auth/switch-account", false, "{}", c -> c.auth().switchAccount("acme-studio")),
                new Operation("verifyEmailLink", "GET", "/verify/9f86d081", null, false, "{}", c -> c.auth().verifyEmailLink("9f86d081"),
                        true),

                op("getBillingOverview", "GET", "/billing/overview", false, "{}", c -> c.billing().overview()),
                op("getStripeConfig", "GET", "/billing/stripe-config", false, "{}", c -> c.billing().stripeConfig()),
                op("createSetupIntent", "POST", "/billing/setup-intent", true, "{}", c -> c.billing().createSetupIntent()),
                op("createPaymentLink", "POST", "/billing/payment-link", true, "{}", c -> c.billing().createPaymentLinkToFund(amount)),
                op("listPaymentMethods", "GET", "/billing/payment-methods", false, "[]", c -> c.billing().paymentMethods()),
                op("attachPaymentMethod", "POST", "/billing/payment-methods", true, "{}",
                        c -> c.billing().attachPaymentMethod("pm_1", false)),
                op("setDefaultPaymentMethod", "PUT", "/billing/payment-methods/pm_1/default", true, "{}",
                        c -> c.billing().setDefaultPaymentMethod("pm_1")),
                op("removePaymentMethod", "DELETE", "/billing/payment-methods/pm_1", true, "{}",
                        c -> c.billing().removePaymentMethod("pm_1")),
                op("getBillingInfo", "GET", "/billing/info", false, "{}", c -> c.billing().info()),
                op("updateBillingInfo", "PUT", "/billing/info", true, "{}",
                        c -> c.billing().updateInfo(new UpdateBillingInfoRequest().name("Agent Runner"))),
                op("listInvoices", "GET", "/billing/invoices", false, "[]", c -> c.billing().invoices()),
                op("getInvoice", "GET", "/billing/invoices/in_1", false, "{}", c -> c.billing().invoice("in_1")),
                op("getInvoicePdf", "GET", "/billing/invoices/in_1/pdf", false, "{}", c -> c.billing().invoicePdf("in_1")),

                op("getWalletBalance", "GET", "/wallet/balance", false, "{}", c -> c.wallet().balance()),
                new Operation("listWalletTransactions", "GET", "/wallet/transactions", "type=debit&limit=10&offset=20", false, "{}",
                        c -> c.wallet().transactions(TransactionType.DEBIT, 10, 20)),
                op("fundWallet", "POST", "/wallet/fund", true, "{}", c -> c.wallet().fund(amount)),
                op("confirmWalletCheckout", "POST", "/wallet/confirm-checkout", true, "{}", c -> c.wallet().confirmCheckout("cs_1")),
                op("setAutoFunding", "PUT", "/wallet/auto-funding", true, "{}",
                        c -> c.wallet().setAutoFunding(amount, new BigDecimal("5"))),
                op("disableAutoFunding", "DELETE", "/wallet/auto-funding", true, "{}", c -> c.wallet().disableAutoFunding()),
                op("withdrawFromWallet", "POST", "/wallet/withdraw", true, "{}", c -> c.wallet().withdraw(amount)),
                new Operation("validateCoupon", "GET", "/wallet/coupons/validate", "coupon_code=WELCOME&purchase_amount=50", false, "{}",
                        c -> c.wallet().validateCoupon("WELCOME", new BigDecimal("50"))),
                op("redeemCoupon", "POST", "/wallet/coupons/redeem", true, "{}", c -> c.wallet().redeemCoupon("WELCOME")),

                op("getPaymentStatus", "GET", "/payments/pi_1/status", false, "{}", c -> c.payments().status("pi_1")),

                op("listPlans", "GET", "/subscriptions/plans", false, "{}", c -> c.subscriptions().plans()),
                op("listSubscriptions", "GET", "/subscriptions", false, "[]", c -> c.subscriptions().list()),
                op("createSubscription", "POST", "/subscriptions", true, "{}", c -> c.subscriptions().create(10, "pm_1")),
                op("confirmSubscriptionCheckout", "POST", "/subscriptions/confirm-checkout", true, "{}",
                        c -> c.subscriptions().confirmCheckout("cs_1")),
                op("getSubscriptionStatus", "GET", "/subscriptions/45/status", false, "{}", c -> c.subscriptions().status(45)),
                op("updateSubscription", "PUT", "/subscriptions/45", true, "{}", c -> c.subscriptions().changePlan(45, 11)),
                op("pauseSubscription", "POST", "/subscriptions/45/pause", true, "{}", c -> c.subscriptions().pause(45)),
                op("resumeSubscription", "POST", "/subscriptions/45/resume", true, "{}", c -> c.subscriptions().resume(45)),
                op("resetSubscriptionCycle", "POST", "/subscriptions/45/reset-cycle", true, "{}", c -> c.subscriptions().resetCycle(45)),
                op("chargeSubscriptionAmount", "POST", "/subscriptions/charge-amount", true, "{}",
                        c -> c.subscriptions().chargeAmount(amount)),
                op("fixSubscriptionPayment", "POST", "/subscriptions/45/fix-payment", true, "{}", c -> c.subscriptions().fixPayment(45)));
    }

    private ScriptedServer server;
    private ModelsLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = TestClients.against(server, new FakeTime(), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operationSendsTheContractsMethodPathAndIdempotencyHeader(Operation operation) {
        server.reply(Reply.data(operation.data()));

        Object data = operation.call().apply(client);

        assertNotNull(data);
        ScriptedServer.Recorded request = server.onlyRequest();
        assertEquals(operation.method(), request.method());
        assertEquals((operation.fromRoot() ? "" : PREFIX) + operation.path(), request.path());
        assertEquals(operation.query(), request.query());
        if (operation.keyed()) {
            assertNotNull(request.header("Idempotency-Key"), "generated Idempotency-Key");
        } else {
            assertNull(request.header("Idempotency-Key"));
        }
    }

    @Test
    void everyContractOperationIsCovered() {
        Set<String> operationIds = operations().stream().map(Operation::operationId).collect(Collectors.toSet());

        assertEquals(Operations.count(Contract.openApi()), operationIds.size());
    }

    @Test
    void changePlanSendsTheDocumentedNewPlanId() {
        server.reply(Reply.data("{}"));

        client.subscriptions().changePlan(45, 11);

        assertTrue(server.onlyRequest().body().contains("\"new_plan_id\":11"), server.onlyRequest().body());
    }

    @Test
    void setAutoFundingSendsTheDocumentedFieldNames() {
        server.reply(Reply.data("{}"));

        client.wallet().setAutoFunding(new BigDecimal("25"), new BigDecimal("5"));

        String body = server.onlyRequest().body();
        assertTrue(body.contains("\"auto_charge_amount\":25") && body.contains("\"charge_threshold\":5"), body);
    }

    @Test
    void resetPasswordSendsThePasswordAsItsConfirmation() {
        server.reply(Reply.data("{}"));

        client.auth().resetPassword("agent@example.com", "0f1e2d", "new-secret123");

        String body = server.onlyRequest().body();
        assertTrue(body.contains("\"password\":\"new-secret123\"") && body.contains("\"password_confirmation\":\"new-secret123\""), body);
    }

    @Test
    void switchingBackSendsAnEmptyObject() {
        server.reply(Reply.data("{}"));

        client.auth().switchBack();

        assertEquals("{}", server.onlyRequest().body());
    }

    @Test
    void refreshSendsAnEmptyObjectRatherThanNull() {
        server.reply(Reply.data("{}"));

        client.auth().refresh();

        assertEquals("{}", server.onlyRequest().body());
    }

    @Test
    void createCheckoutSendsTheRedirectUrlsWithoutACard() {
        server.reply(Reply.data("{\"status\":\"pending_checkout\",\"session_id\":\"cs_1\"}"));

        client.subscriptions().createCheckout(10, "https://agent.example/ok", "https://agent.example/cancel");

        String body = server.onlyRequest().body();
        assertTrue(body.contains("\"success_url\":\"https://agent.example/ok\"") && !body.contains("payment_method_id"), body);
    }

    @Test
    void paymentLinkToSubscribeSendsThePlan() {
        server.reply(Reply.data("{\"session_id\":\"cs_1\"}"));

        client.billing().createPaymentLinkToSubscribe(10);

        String body = server.onlyRequest().body();
        assertTrue(body.contains("\"purpose\":\"subscribe\"") && body.contains("\"plan_id\":10"), body);
    }
}
