package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;

import static dev.modelslabtwin.emulator.billing.BillingTests.data;
import static dev.modelslabtwin.emulator.billing.BillingTests.download;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15: after a reset every invoice link the API handed out was refused with 403 invalid_signature,
 * because the signing key was kept in memory twice (by the API handing links out and by the files route
 * checking them) while the reset made a new one. An emulator of its own, so that which of the two had
 * read the key before the reset is known.
 */
class InvoiceLinksAfterAResetTest {

    /** The links {@code GET /billing/invoices/{id}/pdf} hands out for a new invoice of the default account. */
    private static JsonNode linksOfANewInvoice(TestEmulator emu) {
        TestHttp http = emu.http();
        data(fund(http, "25", "pm_card_visa"));
        JsonNode invoice = data(http.get("/billing/invoices")).get(0);
        return data(http.get("/billing/invoices/" + invoice.path("id").asText() + "/pdf"));
    }

    @Test
    void aPdfLinkHandedOutAfterAResetOpens() {
        try (TestEmulator emu = TestEmulator.start()) {
            linksOfANewInvoice(emu);
            emu.emulator().reset();

            BillingTests.Download pdf = download(linksOfANewInvoice(emu).path("url").asText());

            assertEquals(200, pdf.status(), pdf.text());
            assertEquals("application/pdf", pdf.contentType());
        }
    }

    @Test
    void aHostedInvoicePageHandedOutAfterAResetOpens() {
        try (TestEmulator emu = TestEmulator.start()) {
            linksOfANewInvoice(emu);
            emu.emulator().reset();

            BillingTests.Download page = download(linksOfANewInvoice(emu).path("hosted_invoice_url").asText());

            assertEquals(200, page.status(), page.text());
        }
    }
}
