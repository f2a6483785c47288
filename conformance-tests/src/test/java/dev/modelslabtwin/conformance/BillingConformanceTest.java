package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import static dev.modelslabtwin.conformance.Steps.VISA;
import static dev.modelslabtwin.conformance.Steps.assertMoney;
import static dev.modelslabtwin.conformance.Steps.balance;
import static dev.modelslabtwin.conformance.Steps.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Billing: the overview, Stripe configuration, setup intents, payment links, the billing profile and invoices. */
@ConformanceCheck
class BillingConformanceTest {

    private final Target target = Target.current();

    @Test
    @Verifies("getBillingOverview.adds-up")
    void theOverviewAgreesWithTheWallet() {
        Api api = target.api().as(target.accounts().own().token());

        Answer overview = api.get("/billing/overview").expect(200);

        assertEquals("USD", overview.text("currency"));
        assertMoney(balance(api), overview.money("wallet_balance"));
        assertTrue(overview.data().path("invoice_count").asInt() >= 0);
    }

    @Test
    @Verifies("getBillingOverview.adds-up")
    void theOverviewAddsUpTheAccountsWalletCardsAndInvoices() {
        target.assumeEmulator("a known account needs a fresh one, with a test card saved and charged");
        Api api = target.api().as(target.accounts().fresh().token());
        fund(api, "25", Steps.saveCard(api, VISA)).expect(200);

        JsonNode overview = api.get("/billing/overview").expect(200).data();

        assertMoney("25.00", overview.path("wallet_balance").decimalValue());
        assertMoney("25.00", overview.path("total_deposits").decimalValue());
        assertEquals(1, overview.path("payment_methods").size(), overview.toString());
        assertEquals("4242", overview.path("payment_methods").get(0).path("last4").asText());
        assertEquals(0, overview.path("subscriptions").size());
        assertTrue(overview.path("active_subscription").isNull() || overview.path("active_subscription").isMissingNode(), overview.toString());
        assertEquals(1, overview.path("invoice_count").asInt(), overview.toString());
    }

    @Test
    @Verifies("getStripeConfig.envelope-and-top-level")
    void stripeConfigHandsOutAPublishableKeyInTheEnvelopeAndAtTheTopLevel() {
        String key = PaymentPathsTest.publishableKey(target.api().as(target.accounts().own().token()));

        assertTrue(key.startsWith(target.isEmulator() ? "pk_test_" : "pk_"), key);
    }

    @Test
    @Verifies("createSetupIntent.new-each-call")
    void eachSetupIntentIsNewAndAwaitsAPaymentMethod() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating SetupIntents");
        Api api = target.api().as(target.accounts().own().token());

        Answer first = api.post("/billing/setup-intent").expect(200);
        Answer second = api.post("/billing/setup-intent").expect(200);

        assertEquals("requires_payment_method", first.text("status"));
        assertNotEquals(first.text("setup_intent_id"), second.text("setup_intent_id"));
    }

    @Test
    @Verifies("createPaymentLink.envelope-and-top-level")
    void aPaymentLinkDescribesItsCheckoutSessionInTheEnvelopeAndAtTheTopLevel() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating a payment link");
        Api api = target.api().as(target.accounts().own().token());

        Answer link = api.post("/billing/payment-link", Json.object("purpose", "fund", "amount", 25)).expect(200);

        assertEquals("fund", link.text("purpose"));
        assertMoney("25.00", link.money("amount"));
        assertTrue(link.text("session_id").startsWith("cs_"));
        for (String mirrored : new String[] {"payment_url", "session_id", "purpose", "expires_at"}) {
            assertEquals(link.data().path(mirrored), link.json().path(mirrored), mirrored + " mirrored at the top level (disagreement 2)");
        }
    }

    @Test
    @Verifies("createPaymentLink.purpose-takes-its-field")
    void aPaymentLinkNeedsWhatItsPurposeNeeds() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating payment links");
        Api api = target.api().as(target.accounts().own().token());

        long plan = SubscriptionLifecycleTest.plans(api).get(0).path("id").asLong();

        api.post("/billing/payment-link", Json.object("purpose", "fund")).expectInvalid("amount");
        api.post("/billing/payment-link", Json.object("purpose", "subscribe")).expectInvalid("plan_id");
        api.post("/billing/payment-link", Json.object("purpose", "subscribe", "plan_id", 987_654_321)).expectInvalid("plan_id");
        api.post("/billing/payment-link", Json.object("purpose", "fund", "amount", 25, "plan_id", plan)).expectInvalid("plan_id");
        api.post("/billing/payment-link", Json.object("purpose", "subscribe", "plan_id", plan, "amount", 25)).expectInvalid("amount");
    }

    @Test
    @Verifies({"updateBillingInfo.only-what-is-sent", "updateBillingInfo.tax-id-needs-its-type"})
    void theBillingProfileKeepsWhatIsSentAndReadsTheCliFieldNames() {
        target.assumeEmulator("a known profile needs a fresh account");
        Api api = target.api().as(target.accounts().fresh().token());
        JsonNode empty = api.get("/billing/info").expect(200).data();
        empty.fields().forEachRemaining(field -> assertTrue(field.getValue().isNull(), "a new profile is all null: " + empty));
        api.put("/billing/info", Json.object("tax_id", "DE123456789")).expectInvalid("tax_id_type");

        ObjectNode docs = Json.object("name", "Acme Corp", "email", "billing@acme.example.com", "tax_id", "EU123456789",
                "tax_id_type", "eu_vat", "address_line1", "123 AI Street", "address_city", "San Francisco",
                "address_state", "CA", "address_postal_code", "94105", "address_country", "US");
        api.put("/billing/info", docs).expect(200);
        assertContains(api.get("/billing/info").expect(200).data(), docs);

        JsonNode cli = api.put("/billing/info", Json.object("address", "1 Main Street", "city", "Berlin", "country", "DE"))
                .expect(200).data();
        assertEquals("1 Main Street", cli.path("address_line1").asText());
        assertEquals("Berlin", cli.path("address_city").asText());
        assertEquals("DE", cli.path("address_country").asText());
        assertEquals("Acme Corp", cli.path("name").asText(), "fields not sent are kept");
    }

    @Test
    @Verifies("updateBillingInfo.only-what-is-sent")
    void writingTheBillingProfileBackUnchangedChangesNothing() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "writing the billing profile");
        Api api = target.api().as(target.accounts().own().token());
        JsonNode profile = api.get("/billing/info").expect(200).data();
        ObjectNode unchanged = Json.MAPPER.createObjectNode();
        profile.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                unchanged.set(field.getKey(), field.getValue());
            }
        });

        Answer written = api.put("/billing/info", unchanged).expect(200);

        assertEquals(profile, written.data());
    }

    @Test
    @Verifies({"listInvoices.one-per-charge", "getInvoicePdf.signed-links"})
    void everyPaidChargeHasAnInvoiceWithLinesAndADownloadablePdf() {
        target.assumeEmulator("a known invoice needs a fresh account funded with a test card");
        Api api = target.api().as(target.accounts().fresh().token());
        String intent = fund(api, "25", VISA).expect(200).data().path("payment").path("payment_intent_id").asText();

        JsonNode invoices = api.get("/billing/invoices").expect(200).data();
        assertEquals(1, invoices.size(), invoices.toString());
        JsonNode invoice = invoices.get(0);
        assertEquals("paid", invoice.path("status").asText());
        assertMoney("25.00", invoice.path("amount").decimalValue());

        JsonNode detail = api.get("/billing/invoices/" + invoice.path("id").asText()).expect(200).data();
        assertEquals(intent, detail.path("payment_intent_id").asText(), detail.toString());
        assertMoney("25.00", detail.path("total").decimalValue());
        java.math.BigDecimal lines = java.math.BigDecimal.ZERO;
        for (JsonNode line : detail.path("lines")) {
            lines = lines.add(line.path("amount").decimalValue().multiply(java.math.BigDecimal.valueOf(line.path("quantity").asLong())));
        }
        assertMoney(detail.path("subtotal").decimalValue(), lines);

        Answer pdf = api.get("/billing/invoices/" + invoice.path("id").asText() + "/pdf").expect(200);
        assertEquals(pdf.text("url"), pdf.json().path("url").asText(), "url mirrored at the top level for the CLI");
        assertTrue(download(pdf.text("url")).startsWith("%PDF-"), "the url serves a PDF document, without a bearer token");
        String altered = pdf.text("url").replaceFirst("signature=.", "signature=" + (pdf.text("url").contains("signature=A") ? "B" : "A"));
        assertEquals(403, fetch(altered).statusCode(), "an altered link is refused: " + altered);
    }

    @Test
    void theAccountsOwnInvoicesAreReadableOneByOne() {
        Api api = target.api().as(target.accounts().own().token());
        if (target.isEmulator()) {
            fund(api, "10", VISA).expect(200);
        }
        JsonNode invoices = api.get("/billing/invoices").expect(200).data();
        Assumptions.assumeTrue(invoices.size() > 0, "the account has no invoice to read yet");
        String id = invoices.get(0).path("id").asText();

        assertEquals(id, api.get("/billing/invoices/" + id).expect(200).text("id"));
        assertTrue(api.get("/billing/invoices/" + id + "/pdf").expect(200).text("url").startsWith("http"));
        api.get("/billing/invoices/in_conformanceNoSuchInvoice0").expectError(404, "not_found");
        api.get("/billing/invoices/in_conformanceNoSuchInvoice0/pdf").expectError(404, "not_found");
    }

    private static void assertContains(JsonNode actual, JsonNode expected) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertEquals(field.getValue(), actual.path(field.getKey()), field.getKey() + " in " + actual);
        }
    }

    private static String download(String url) {
        HttpResponse<byte[]> response = fetch(url);
        assertEquals(200, response.statusCode(), url);
        byte[] head = java.util.Arrays.copyOf(response.body(), Math.min(8, response.body().length));
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    /** A plain GET, as a person's browser or {@code curl -O} sends it: no bearer token. */
    private static HttpResponse<byte[]> fetch(String url) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("cannot download " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
