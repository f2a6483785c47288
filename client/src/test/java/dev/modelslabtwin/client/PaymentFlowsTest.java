package dev.modelslabtwin.client;

import dev.modelslabtwin.client.model.FundResult;
import dev.modelslabtwin.client.model.PaymentMethod;
import dev.modelslabtwin.client.model.PaymentStatus;
import dev.modelslabtwin.client.model.SetupIntent;
import dev.modelslabtwin.client.model.SubscriptionCheckoutConfirmation;
import dev.modelslabtwin.client.model.WalletCheckoutConfirmation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.modelslabtwin.client.ScriptedServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentFlowsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final String WALLET_CONFIRMED = "{\"message\":\"Wallet funded.\",\"session_id\":\"cs_test_1\","
            + "\"amount\":25,\"balance\":100.5,\"currency\":\"USD\",\"already_confirmed\":false}";

    private ScriptedServer server;
    private FakeTime time;
    private PaymentFlows flows;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        time = new FakeTime();
        flows = TestClients.against(server, time).paymentFlows();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Reply notCompleted() {
        return Reply.error(409, "checkout_not_completed", "The Checkout Session is not paid yet.", "{}");
    }

    @Test
    void awaitWalletCheckoutPollsThroughNotCompletedAndReturnsOnSuccess() {
        server.reply(notCompleted(), notCompleted(), Reply.data(WALLET_CONFIRMED));

        WalletCheckoutConfirmation confirmation = flows.awaitWalletCheckout("cs_test_1", TIMEOUT, INTERVAL);

        assertEquals(new BigDecimal("100.5"), confirmation.getBalance());
        assertEquals(3, server.requests().size());
        assertEquals(List.of(INTERVAL, INTERVAL), time.sleeps());
        server.requests().forEach(request -> {
            assertEquals("/api/agents/v1/wallet/confirm-checkout", request.path());
            assertTrue(request.body().contains("\"session_id\":\"cs_test_1\""), request.body());
        });
    }

    @Test
    void awaitWalletCheckoutStopsAtOnceWhenTheSessionExpired() {
        server.reply(notCompleted(), Reply.error(409, "checkout_expired", "The Checkout Session expired.", "{}"),
                Reply.data(WALLET_CONFIRMED));

        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> flows.awaitWalletCheckout("cs_test_1", TIMEOUT, INTERVAL));

        assertEquals("checkout_expired", e.code());
        assertEquals(409, e.status());
        assertEquals(2, server.requests().size());
    }

    @Test
    void awaitWalletCheckoutStopsAtOnceOnAnyOtherError() {
        server.reply(Reply.error(404, "not_found", "No such Checkout Session.", "{}"));

        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> flows.awaitWalletCheckout("cs_unknown", TIMEOUT, INTERVAL));

        assertEquals("not_found", e.code());
        assertEquals(1, server.requests().size());
    }

    @Test
    void awaitWalletCheckoutTimesOutWithCheckoutTimeout() {
        for (int i = 0; i < 20; i++) {
            server.reply(notCompleted());
        }

        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> flows.awaitWalletCheckout("cs_test_1", Duration.ofSeconds(12), INTERVAL));

        assertEquals("checkout_timeout", e.code());
        assertEquals(0, e.status());
        assertEquals(List.of(INTERVAL, INTERVAL, Duration.ofSeconds(2)), time.sleeps());
        assertEquals(4, server.requests().size());
    }

    @Test
    void awaitSubscriptionCheckoutPollsTheSubscriptionConfirmation() {
        server.reply(notCompleted(), Reply.data("{\"message\":\"Subscription active.\",\"session_id\":\"cs_sub_1\","
                + "\"status\":\"active\",\"already_confirmed\":false}"));

        SubscriptionCheckoutConfirmation confirmation = flows.awaitSubscriptionCheckout("cs_sub_1", TIMEOUT, INTERVAL);

        assertEquals("cs_sub_1", confirmation.getSessionId());
        assertEquals("/api/agents/v1/subscriptions/confirm-checkout", server.lastRequest().path());
    }

    @Test
    void fundWithCardThatNeeds3dSecureReturnsTheResultWithTheNextAction() {
        server.reply(Reply.json(202, "{\"data\":{\"message\":\"Authentication required.\",\"amount\":25,"
                + "\"payment\":{\"status\":\"requires_action\",\"payment_intent_id\":\"pi_3ds\",\"amount\":25,"
                + "\"currency\":\"usd\",\"next_action_url\":\"https://hooks.stripe.com/3ds/pi_3ds\"}},"
                + "\"error\":null,\"meta\":{\"request_id\":\"r\"}}"));

        FundResult result = flows.fundWithCard(new BigDecimal("25"), "pm_card_threeDSecure2Required");

        assertTrue(PaymentFlows.requiresAction(result));
        assertEquals(Optional.of(URI.create("https://hooks.stripe.com/3ds/pi_3ds")), PaymentFlows.nextActionUrl(result));
        assertEquals("pi_3ds", result.getPayment().getPaymentIntentId());
    }

    @Test
    void fundWithCardThatSucceedsNeedsNoAction() {
        server.reply(Reply.data("{\"amount\":25,\"balance\":100.5,\"currency\":\"USD\","
                + "\"payment\":{\"status\":\"succeeded\",\"payment_intent_id\":\"pi_ok\",\"amount\":25,\"currency\":\"usd\"}}"));

        FundResult result = flows.fundWithCard(new BigDecimal("25"), "pm_card_visa");

        assertFalse(PaymentFlows.requiresAction(result));
        assertTrue(server.onlyRequest().body().contains("\"payment_method_id\":\"pm_card_visa\""));
    }

    @Test
    void awaitPaymentPollsWhilePendingAndReturnsTheFinalStatus() {
        server.reply(Reply.data("{\"status\":\"pending\",\"payment_intent_id\":\"pi_3ds\",\"amount\":25,\"currency\":\"usd\"}"),
                Reply.data("{\"status\":\"succeeded\",\"payment_intent_id\":\"pi_3ds\",\"amount\":25,\"currency\":\"usd\"}"));

        PaymentStatus status = flows.awaitPayment("pi_3ds", TIMEOUT, INTERVAL);

        assertEquals(PaymentStatus.StatusEnum.SUCCEEDED, status.getStatus());
        assertEquals("/api/agents/v1/payments/pi_3ds/status", server.lastRequest().path());
        assertEquals(List.of(INTERVAL), time.sleeps());
    }

    @Test
    void awaitPaymentTimesOutWithPaymentTimeout() {
        for (int i = 0; i < 10; i++) {
            server.reply(Reply.data("{\"status\":\"pending\",\"payment_intent_id\":\"pi_3ds\"}"));
        }

        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> flows.awaitPayment("pi_3ds", Duration.ofSeconds(10), INTERVAL));

        assertEquals("payment_timeout", e.code());
    }

    @Test
    void cardSetupCreatesASetupIntentThenAttachesTheCardAsDefault() {
        server.reply(Reply.data("{\"setup_intent_id\":\"seti_1\",\"client_secret\":\"seti_1_secret\","
                        + "\"status\":\"requires_payment_method\",\"publishable_key\":\"pk_test\"}"),
                Reply.json(201, "{\"data\":{\"id\":\"pm_3ds\",\"type\":\"card\",\"is_default\":true},"
                        + "\"error\":null,\"meta\":{\"request_id\":\"r\"}}"));

        SetupIntent intent = flows.startCardSetup();
        PaymentMethod card = flows.finishCardSetup("pm_3ds");

        assertEquals("seti_1_secret", intent.getClientSecret());
        assertEquals("pm_3ds", card.getId());
        ScriptedServer.Recorded attach = server.lastRequest();
        assertEquals("/api/agents/v1/billing/payment-methods", attach.path());
        assertTrue(attach.body().contains("\"make_default\":true"), attach.body());
    }

    @Test
    void startWalletCheckoutSendsNoCardAndHandsBackTheCheckoutUrl() {
        server.reply(Reply.data("{\"message\":\"Nothing was charged.\",\"amount\":25,\"currency\":\"USD\","
                + "\"payment_url\":\"http://127.0.0.1:8080/checkout/cs_test_1\",\"checkout_url\":\"http://127.0.0.1:8080/checkout/cs_test_1\","
                + "\"session_id\":\"cs_test_1\",\"expires_at\":\"2026-02-20T12:30:00Z\"}"));

        FundResult result = flows.startWalletCheckout(new BigDecimal("25"));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080/checkout/cs_test_1")), PaymentFlows.checkoutUrl(result));
        assertEquals("cs_test_1", result.getSessionId());
        assertFalse(PaymentFlows.requiresAction(result));
        ScriptedServer.Recorded request = server.onlyRequest();
        assertEquals("/api/agents/v1/wallet/fund", request.path());
        assertFalse(request.body().contains("payment_method_id"), request.body());
    }

    @Test
    void startSubscriptionCheckoutSendsTheReturnAddressesAndNoCard() {
        server.reply(Reply.data("{\"message\":\"Nothing was charged.\",\"status\":\"pending_checkout\","
                + "\"checkout_url\":\"http://127.0.0.1:8080/checkout/cs_test_2\",\"session_id\":\"cs_test_2\"}"));

        var created = flows.startSubscriptionCheckout(20, "https://agent.example.com/paid", null);

        assertEquals("cs_test_2", created.getSessionId());
        ScriptedServer.Recorded request = server.onlyRequest();
        assertEquals("/api/agents/v1/subscriptions", request.path());
        assertTrue(request.body().contains("\"success_url\":\"https://agent.example.com/paid\""), request.body());
        assertFalse(request.body().contains("payment_method_id"), request.body());
    }

    @Test
    void aSubscriptionDeclinedForAuthenticationIsRecognisedAndOtherDeclinesAreNot() {
        ModelsLabException threeDs = new ModelsLabException(402, "payment_declined", "Your card was declined.",
                java.util.Map.of("decline_code", "authentication_required", "payment_intent_id", "pi_1"), null, null, null);
        ModelsLabException funds = new ModelsLabException(402, "payment_declined", "Your card was declined.",
                java.util.Map.of("decline_code", "insufficient_funds", "payment_intent_id", "pi_2"), null, null, null);

        assertTrue(PaymentFlows.needsAuthentication(threeDs));
        assertFalse(PaymentFlows.needsAuthentication(funds));
    }
}
