package dev.modelslabtwin.client;

import dev.modelslabtwin.client.model.InvoicePdf;
import dev.modelslabtwin.client.model.PaymentLink;
import dev.modelslabtwin.client.model.PaymentMethod;
import dev.modelslabtwin.client.model.PaymentPurpose;
import dev.modelslabtwin.client.model.StripeConfig;
import dev.modelslabtwin.client.model.WalletBalance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import static dev.modelslabtwin.client.ScriptedServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResponseUnwrappingTest {

    private ScriptedServer server;
    private ModelsLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = TestClients.against(server, new FakeTime());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void walletBalanceIsUnwrappedAsTheGeneratedModelWithAnExactDecimal() {
        server.reply(Reply.data("{\"balance\":75.50,\"currency\":\"USD\"}"));

        WalletBalance balance = client.wallet().balance();

        assertEquals(new BigDecimal("75.50"), balance.getBalance());
        assertEquals(WalletBalance.CurrencyEnum.USD, balance.getCurrency());
    }

    @Test
    void bareArrayDataIsUnwrappedAsAList() {
        server.reply(Reply.data("[{\"id\":\"pm_1\",\"type\":\"card\",\"brand\":\"visa\",\"last4\":\"4242\","
                + "\"exp_month\":12,\"exp_year\":2030,\"is_default\":true}]"));

        List<PaymentMethod> cards = client.billing().paymentMethods();

        assertEquals(1, cards.size());
        assertEquals("4242", cards.get(0).getLast4());
    }

    @Test
    void stripeConfigIsReadFromDataWhenWrapped() {
        server.reply(Reply.data("{\"publishable_key\":\"pk_test_wrapped\",\"instructions\":\"use it\"}"));

        StripeConfig config = client.billing().stripeConfig();

        assertEquals("pk_test_wrapped", config.getPublishableKey());
    }

    @Test
    void stripeConfigFallsBackToTopLevelFieldsWhenUnwrapped() {
        server.reply(Reply.json(200, "{\"publishable_key\":\"pk_live_unwrapped\",\"instructions\":\"Card data goes to Stripe\"}"));

        StripeConfig config = client.billing().stripeConfig();

        assertEquals("pk_live_unwrapped", config.getPublishableKey());
        assertEquals("Card data goes to Stripe", config.getInstructions());
    }

    @Test
    void paymentLinkFallsBackToTopLevelFieldsWhenUnwrapped() {
        server.reply(Reply.json(200, "{\"payment_url\":\"https://checkout.stripe.com/c/pay/cs_test_1\","
                + "\"session_id\":\"cs_test_1\",\"purpose\":\"fund\",\"amount\":25,"
                + "\"expires_at\":\"2026-02-21T09:00:00Z\",\"instructions\":\"Send this to a person\"}"));

        PaymentLink link = client.billing().createPaymentLinkToFund(new BigDecimal("25"));

        assertEquals("cs_test_1", link.getSessionId());
        assertEquals(URI.create("https://checkout.stripe.com/c/pay/cs_test_1"), link.getPaymentUrl());
        assertEquals(PaymentPurpose.FUND, link.getPurpose());
    }

    @Test
    void invoicePdfFallsBackToTheTopLevelUrl() {
        server.reply(Reply.json(200, "{\"url\":\"https://pay.stripe.com/invoice/in_1/pdf\"}"));

        InvoicePdf pdf = client.billing().invoicePdf("in_1");

        assertEquals(URI.create("https://pay.stripe.com/invoice/in_1/pdf"), pdf.getUrl());
    }

    @Test
    void successWithoutDataIsAnInvalidResponse() {
        server.reply(Reply.json(200, "{\"data\":null,\"error\":null,\"meta\":{\"request_id\":\"r\"}}"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().balance());

        assertEquals("invalid_response", e.code());
        assertEquals(200, e.status());
    }

    @Test
    void successBodyThatIsNotJsonIsAnInvalidResponseAndNotRetried() {
        server.reply(Reply.json(200, "<html>maintenance</html>"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().balance());

        assertEquals("invalid_response", e.code());
        assertEquals(1, server.requests().size());
    }
}
