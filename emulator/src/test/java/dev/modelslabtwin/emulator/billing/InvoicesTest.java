package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.stripe.Invoices;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.modelslabtwin.emulator.billing.BillingTests.data;
import static dev.modelslabtwin.emulator.billing.BillingTests.download;
import static dev.modelslabtwin.emulator.billing.BillingTests.later;
import static dev.modelslabtwin.emulator.billing.BillingTests.saveCard;
import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invoices: one per successful charge, listed newest first, with lines, and downloadable as a real
 * PDF (or a hosted page) at a signed, expiring link that works without a bearer token.
 */
class InvoicesTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void everySuccessfulChargeIsAPaidInvoiceListedNewestFirstAndADeclineIsNone() {
        TestHttp http = emu.as(emu.newAccount().token());
        String card = saveCard(http, "pm_card_visa", "");
        assertEquals(0, data(http.get("/billing/invoices")).size());

        data(fund(http, "25", card));
        later(emu);
        data(fund(http, "40.50", card));
        assertEquals(402, fund(http, "30", "pm_card_chargeCustomerFail").status());

        JsonNode invoices = data(http.get("/billing/invoices"));
        assertEquals(2, invoices.size(), invoices.toString());
        assertMoney("40.50", invoices.get(0).path("amount"));
        assertMoney("25.00", invoices.get(1).path("amount"));
        for (JsonNode invoice : invoices) {
            assertEquals("paid", invoice.path("status").asText());
            assertEquals("USD", invoice.path("currency").asText());
            assertEquals("Wallet funding", invoice.path("description").asText());
            assertTrue(invoice.path("id").asText().startsWith("in_"));
            assertTrue(invoice.path("paid_at").isTextual());
        }
        assertTrue(invoices.get(0).path("created_at").asText().compareTo(invoices.get(1).path("created_at").asText()) > 0);
        assertTrue(invoices.get(0).path("number").asText().compareTo(invoices.get(1).path("number").asText()) > 0);
    }

    @Test
    void theDetailCarriesTheLinesTotalsAndThePaymentThatPaidIt() {
        TestHttp http = emu.as(emu.newAccount().token());
        JsonNode payment = data(fund(http, "25", "pm_card_visa")).path("payment");
        String id = newestInvoice(http).path("id").asText();

        JsonNode invoice = data(http.get("/billing/invoices/" + id));

        assertEquals(id, invoice.path("id").asText());
        assertEquals(payment.path("payment_intent_id").asText(), invoice.path("payment_intent_id").asText());
        assertTrue(invoice.path("subscription_id").isNull());
        assertMoney("25.00", invoice.path("subtotal"));
        assertMoney("25.00", invoice.path("total"));
        assertEquals(1, invoice.path("lines").size());
        assertEquals("Wallet funding", invoice.path("lines").get(0).path("description").asText());
        assertEquals(1, invoice.path("lines").get(0).path("quantity").asInt());
        assertMoney("25.00", invoice.path("lines").get(0).path("amount"));
    }

    @Test
    void anInvoiceOfSeveralLinesAddsThemUp() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String id = recordInvoice(account, List.of(new Invoices.Line("Basic Enterprise, monthly", 1, new BigDecimal("249.00")),
                new Invoices.Line("Extra GPU hours", 3, new BigDecimal("12.50"))));

        JsonNode invoice = data(http.get("/billing/invoices/" + id));

        assertMoney("286.50", invoice.path("total"));
        assertMoney("286.50", invoice.path("subtotal"));
        assertMoney("286.50", invoice.path("amount"));
        assertEquals(45, invoice.path("subscription_id").asLong());
        assertEquals(3, invoice.path("lines").get(1).path("quantity").asInt());
    }

    @Test
    void anotherAccountsInvoiceIsAsUnknownAsAMadeUpOne() {
        TestHttp owner = emu.as(emu.newAccount().token());
        data(fund(owner, "25", "pm_card_visa"));
        String ownersInvoice = newestInvoice(owner).path("id").asText();
        TestHttp intruder = emu.as(emu.newAccount().token());

        for (String path : List.of("/billing/invoices/" + ownersInvoice, "/billing/invoices/" + ownersInvoice + "/pdf",
                "/billing/invoices/in_madeUp123", "/billing/invoices/in_madeUp123/pdf")) {
            TestHttp.Answer answer = intruder.get(path);
            assertEquals(404, answer.status(), path + " " + answer.body());
            assertEquals("not_found", answer.json().path("error").path("code").asText());
            assertTrue(answer.json().path("data").isNull());
        }
        assertEquals(0, data(intruder.get("/billing/invoices")).size());
    }

    @Test
    void thePdfLinkOpensARealPdfWithoutATokenShowingTheInvoiceNumberAndAmount() throws IOException {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        data(fund(http, "1234.50", "pm_card_visa"));
        JsonNode invoice = newestInvoice(http);

        TestHttp.Answer answer = http.get("/billing/invoices/" + invoice.path("id").asText() + "/pdf");
        JsonNode links = data(answer);
        String url = links.path("url").asText();
        BillingTests.Download pdf = download(url);

        assertEquals(url, answer.json().path("url").asText(), "mirrored at the top level for the CLI");
        assertEquals(url, links.path("invoice_pdf").asText());
        assertTrue(links.path("receipt_url").isNull());
        assertTrue(url.startsWith(emu.emulator().baseUrl() + "/files/invoices/" + invoice.path("id").asText() + ".pdf?expires="),
                url);
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals("application/pdf", pdf.contentType());
        String text = text(pdf.body());
        assertTrue(text.contains(invoice.path("number").asText()), text);
        assertTrue(text.contains(invoice.path("id").asText()), text);
        assertTrue(text.contains("$1,234.50"), text);
        assertTrue(text.contains("Paid"), text);
        assertTrue(text.contains(account.email()), "billed to the account when no profile is set: " + text);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals("Invoice " + invoice.path("number").asText(), document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void thePdfIsWellFormedEveryCrossReferencePointsAtItsObject() {
        var account = emu.newAccount();
        String id = recordInvoice(account, List.of(new Invoices.Line("Wallet funding (Grüße, naïve café — 東京)", 1,
                new BigDecimal("19.99"))));
        byte[] pdf = download(pdfLink(emu.as(account.token()), id)).body();

        String ascii = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(ascii.startsWith("%PDF-1.4\n"));
        assertTrue(ascii.endsWith("%%EOF\n"));
        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(ascii);
        assertTrue(startxref.find());
        int xref = Integer.parseInt(startxref.group(1));
        assertTrue(ascii.startsWith("xref\n0 ", xref), "startxref points at the table");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(ascii.substring(xref));
        int object = 0;
        while (entries.find()) {
            object++;
            int offset = Integer.parseInt(entries.group(1));
            assertTrue(ascii.startsWith(object + " 0 obj\n", offset), "object " + object + " at " + offset);
        }
        assertTrue(object >= 6, "catalog, pages, two fonts, a page and its content, info: " + object);
        assertTrue(text(pdf).contains("Wallet funding (Grüße, naïve café"), "Latin text survives, other scripts print as ?");
    }

    @Test
    void theBillingProfileIsPrintedOnTheInvoice() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        data(http.put("/billing/info", "{\"name\": \"Agent Runner Inc.\", \"tax_id\": \"DE123456789\", \"tax_id_type\": \"eu_vat\", "
                + "\"address_line1\": \"1 Main Street\", \"address_city\": \"Berlin\", \"address_postal_code\": \"10115\", "
                + "\"address_country\": \"DE\"}"));
        data(fund(http, "25", "pm_card_visa"));

        String text = text(download(pdfLink(http, newestInvoice(http).path("id").asText())).body());

        assertTrue(text.contains("Agent Runner Inc."), text);
        assertTrue(text.contains("1 Main Street"), text);
        assertTrue(text.contains("10115 Berlin"), text);
        assertTrue(text.contains("Germany"), text);
        assertTrue(text.contains("EU VAT: DE123456789"), text);
    }

    @Test
    void anInvoiceWithManyLinesRunsOverSeveralPages() throws IOException {
        var account = emu.newAccount();
        List<Invoices.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            lines.add(new Invoices.Line("Usage line " + i, 1, new BigDecimal("1.00")));
        }
        String id = recordInvoice(account, lines);

        byte[] pdf = download(pdfLink(emu.as(account.token()), id)).body();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
        }
        String text = text(pdf);
        assertTrue(text.contains("Usage line 1\n") || text.contains("Usage line 1 "), text);
        assertTrue(text.contains("Usage line 70"), text);
        assertTrue(text.contains("$70.00"), text);
    }

    @Test
    void theHostedInvoicePageShowsTheInvoiceAndLinksToItsPdf() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        data(fund(http, "25", "pm_card_visa"));
        JsonNode invoice = newestInvoice(http);

        String pageUrl = data(http.get("/billing/invoices/" + invoice.path("id").asText() + "/pdf"))
                .path("hosted_invoice_url").asText();
        BillingTests.Download page = download(pageUrl);

        assertEquals(200, page.status(), page.text());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.text().contains(invoice.path("number").asText()), page.text());
        assertTrue(page.text().contains("$25.00 USD paid on"), page.text());
        Matcher href = Pattern.compile("href=\"([^\"]+\\.pdf[^\"]*)\"").matcher(page.text());
        assertTrue(href.find(), page.text());
        BillingTests.Download pdf = download(emu.emulator().baseUrl() + href.group(1).replace("&amp;", "&"));
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals("application/pdf", pdf.contentType());
    }

    @Test
    void anAlteredOrForgedLinkIsRefused() {
        TestHttp http = emu.as(emu.newAccount().token());
        data(fund(http, "25", "pm_card_visa"));
        String first = newestInvoice(http).path("id").asText();
        data(fund(http, "30", "pm_card_visa"));
        String second = newestInvoice(http).path("id").asText();
        String link = pdfLink(http, first);
        String expires = link.replaceAll(".*expires=(\\d+).*", "$1");

        List<String> forged = List.of(
                link.replace(first, second),
                link.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 86_400)),
                link.substring(0, link.indexOf("&signature=")),
                link.substring(0, link.indexOf('?')),
                link.replace("expires=" + expires, "expires=soon"),
                link.replace(".pdf?", "?"));

        for (String url : forged) {
            BillingTests.Download answer = download(url);
            assertEquals(403, answer.status(), url + " " + answer.text());
            assertTrue(answer.text().contains("\"invalid_signature\""), answer.text());
        }
        assertEquals(200, download(link).status());
    }

    @Test
    void aLinkExpiresAfter24HoursOfEmulatedTimeAndAskingAgainGivesAFreshOne() {
        TestHttp http = emu.as(emu.newAccount().token());
        data(fund(http, "25", "pm_card_visa"));
        String id = newestInvoice(http).path("id").asText();
        String link = pdfLink(http, id);

        emu.clock().advance(Duration.ofHours(23));
        assertEquals(200, download(link).status());
        emu.clock().advance(Duration.ofHours(1).plusSeconds(1));
        BillingTests.Download expired = download(link);

        assertEquals(403, expired.status(), expired.text());
        assertTrue(expired.text().contains("\"link_expired\""), expired.text());
        assertEquals(200, download(pdfLink(http, id)).status());
    }

    @Test
    void aLinkHandedOutBeforeARestartOfAFileDatabaseStillOpensAfterIt(@TempDir Path dir) {
        Emulator.Options options = Emulator.Options.forTests().withDatabase("file:" + dir.resolve("twin"));
        String pathAndQuery;
        try (Emulator first = Emulator.start(options)) {
            TestHttp http = new TestHttp(first.baseUrl(), first.defaultToken()).contractChecked();
            data(fund(http, "25", "pm_card_visa"));
            String link = pdfLink(http, newestInvoice(http).path("id").asText());
            URI uri = URI.create(link);
            pathAndQuery = uri.getRawPath() + "?" + uri.getRawQuery();
            assertEquals(200, download(link).status());
        }

        try (Emulator second = Emulator.start(options)) {
            BillingTests.Download pdf = download(second.baseUrl() + pathAndQuery);

            assertEquals(200, pdf.status(), pdf.text());
            assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(pdf.body(), 5));
        }
    }

    @Test
    void aLinkSignedByAnotherEmulatorIsRefusedEachDatabaseHavingASecretOfItsOwn() {
        String pathAndQuery;
        try (Emulator other = Emulator.start(Emulator.Options.forTests())) {
            TestHttp http = new TestHttp(other.baseUrl(), other.defaultToken()).contractChecked();
            data(fund(http, "25", "pm_card_visa"));
            URI link = URI.create(pdfLink(http, newestInvoice(http).path("id").asText()));
            pathAndQuery = link.getRawPath() + "?" + link.getRawQuery();
        }

        BillingTests.Download answer = download(emu.emulator().baseUrl() + pathAndQuery);

        assertEquals(403, answer.status(), answer.text());
        assertTrue(answer.text().contains("\"invalid_signature\""), answer.text());
    }

    @Test
    void aTokenWithOnlyBillingReadCanListAndDownloadInvoices() {
        var account = emu.newAccount(BigDecimal.ZERO, java.util.Set.of("billing:read"));
        String id = recordInvoice(account, List.of(new Invoices.Line("Wallet funding", 1, new BigDecimal("10.00"))));
        TestHttp http = emu.as(account.token());

        assertEquals(1, data(http.get("/billing/invoices")).size());
        assertEquals(200, download(pdfLink(http, id)).status());
    }

    private static JsonNode newestInvoice(TestHttp http) {
        return data(http.get("/billing/invoices")).get(0);
    }

    private static String pdfLink(TestHttp http, String invoiceId) {
        return data(http.get("/billing/invoices/" + invoiceId + "/pdf")).path("url").asText();
    }

    /** An invoice as another capability records one (a subscription payment, say), straight through Java. */
    private static String recordInvoice(TestEmulator.TestAccount account, List<Invoices.Line> lines) {
        return emu.database().transaction(db -> Invoices.recordPaid(db, account.id(), "Subscription payment", lines,
                null, 45L, emu.clock().instant()));
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError("not a PDF PDFBox can read", e);
        }
    }
}
