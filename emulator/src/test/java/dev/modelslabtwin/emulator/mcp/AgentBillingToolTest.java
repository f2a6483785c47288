package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Emulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code agent-billing}: every action, as the REST API answers it, on the cards and invoices the REST API sees. */
class AgentBillingToolTest extends DefaultAgentTest {

    @Test
    void overviewSummarisesTheAccount() {
        JsonNode overview = mcp.call("agent-billing", "overview").ok();

        assertEquals(rest.get("/billing/overview").json().path("data").path("payment_methods"), overview.path("payment_methods"));
    }

    @Test
    void stripeConfigHandsOutThePublishableKey() {
        assertEquals(Emulator.PUBLISHABLE_KEY, mcp.call("agent-billing", "stripe-config").ok().path("publishable_key").asText());
    }

    @Test
    void aSetupIntentIsCreatedForTokenisingACard() {
        JsonNode intent = mcp.call("agent-billing", "create-setup-intent").ok();

        assertTrue(intent.path("setup_intent_id").asText().startsWith("seti_"), intent.toString());
        assertTrue(intent.path("client_secret").asText().contains("_secret_"), intent.toString());
    }

    @Test
    void aPaymentLinkIsMadeForAPersonToPay() {
        JsonNode link = mcp.call("agent-billing", "create-payment-link", "purpose", "fund", "amount", 25).ok();

        assertTrue(link.path("payment_url").asText().startsWith(rest.baseUrl() + "/checkout/cs_"), link.toString());
        AgentMcpClient.Reply refused = mcp.call("agent-billing", "create-payment-link", "purpose", "fund").refused("validation_error");
        assertTrue(refused.details().has("amount"), refused.envelope().toString());
    }

    @Test
    void cardsAreAddedMadeDefaultAndRemoved() {
        JsonNode added = mcp.call("agent-billing", "add-payment-method", "payment_method_id", "pm_card_mastercard",
                "make_default", false).ok();
        String card = added.path("payment_method").path("id").asText(added.path("id").asText());
        assertTrue(card.startsWith("pm_"), added.toString());

        mcp.call("agent-billing", "set-default-payment-method", "payment_method_id", card).ok();
        assertEquals(card, defaultCard(mcp.call("agent-billing", "payment-methods").ok()));
        assertEquals(card, mcp.call("agent-billing", "remove-payment-method", "payment_method_id", card).ok()
                .path("payment_method_id").asText());
        assertFalse(ids(rest.get("/billing/payment-methods").json().path("data")).contains(card), "gone for the REST API too");
    }

    @Test
    void aCardThatStripeDeclinesOnAttachIsAToolErrorWithTheDeclineCode() {
        AgentMcpClient.Reply declined = mcp.call("agent-billing", "add-payment-method",
                "payment_method_id", "pm_card_visa_chargeDeclinedStolenCard").refused("payment_declined");

        assertEquals("stolen_card", declined.details().path("decline_code").asText());
    }

    @Test
    void anUnknownCardIsNotFound() {
        mcp.call("agent-billing", "set-default-payment-method", "payment_method_id", "pm_NoSuchCardOfThisAccount").refused("not_found");
    }

    @Test
    void aRawCardNumberIsNeverAccepted() {
        mcp.call("agent-billing", "add-payment-method", "payment_method_id", "4242424242424242").refused("card_data_not_accepted");
    }

    @Test
    void theBillingProfileIsReadAndWritten() {
        JsonNode written = mcp.call("agent-billing", "update-billing-info", "name", "Agent Runner Inc.", "address_country", "DE",
                "tax_id", "DE123456789", "tax_id_type", "eu_vat").ok();

        assertEquals("DE", written.path("address_country").asText());
        assertEquals(written, mcp.call("agent-billing", "billing-info").ok());
        assertEquals("Agent Runner Inc.", rest.get("/billing/info").json().path("data").path("name").asText());
        AgentMcpClient.Reply refused = mcp.call("agent-billing", "update-billing-info", "address_country", "Germany")
                .refused("validation_error");
        assertTrue(refused.details().has("address_country"), refused.envelope().toString());
    }

    @Test
    void aNullArgumentClearsAField() {
        mcp.call("agent-billing", "update-billing-info", "name", "Agent Runner Inc.").ok();

        assertTrue(mcp.call("agent-billing", "update-billing-info", "name", null).ok().path("name").isNull());
    }

    @Test
    void invoicesAreListedReadAndGivenAsPdf() {
        mcp.call("agent-wallet", "fund", "amount", 10, "payment_method_id", "pm_card_visa").ok();
        JsonNode invoices = mcp.call("agent-billing", "invoices").ok();
        String invoice = invoices.path(0).path("id").asText();
        assertTrue(invoice.startsWith("in_"), invoices.toString());

        assertEquals(invoice, mcp.call("agent-billing", "invoice-detail", "invoice_id", invoice).ok().path("id").asText());
        String pdf = mcp.call("agent-billing", "invoice-pdf", "invoice_id", invoice).ok().path("url").asText();
        assertTrue(pdf.startsWith(rest.baseUrl() + "/files/invoices/" + invoice + ".pdf?"), "on the host the agent reached: " + pdf);
        mcp.call("agent-billing", "invoice-detail", "invoice_id", "in_NoSuchInvoice0001").refused("not_found");
    }

    private static String defaultCard(JsonNode cards) {
        for (JsonNode card : cards) {
            if (card.path("is_default").asBoolean()) {
                return card.path("id").asText();
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode cards) {
        List<String> ids = new ArrayList<>();
        cards.forEach(card -> ids.add(card.path("id").asText()));
        return ids;
    }
}
