package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Iterator;

import static dev.modelslabtwin.emulator.billing.BillingTests.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The billing profile: read, changed field by field across calls, validated, and private to its account. */
class BillingInfoTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aNewAccountHasAProfileWithEveryFieldNull() {
        JsonNode info = data(emu.as(emu.newAccount().token()).get("/billing/info"));

        assertEquals(10, info.size(), info.toString());
        for (Iterator<JsonNode> fields = info.elements(); fields.hasNext(); ) {
            assertTrue(fields.next().isNull(), info.toString());
        }
    }

    @Test
    void eachUpdateChangesOnlyTheFieldsItSends() {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode first = data(http.put("/billing/info", "{\"name\": \"Agent Runner Inc.\", \"tax_id\": \"DE123456789\", "
                + "\"tax_id_type\": \"eu_vat\", \"address_line1\": \"1 Main Street\", \"address_city\": \"Berlin\", "
                + "\"address_postal_code\": \"10115\", \"address_country\": \"DE\"}"));
        JsonNode second = data(http.put("/billing/info", "{\"email\": \"billing@example.com\", \"address_line2\": \"Floor 3\"}"));
        JsonNode read = data(http.get("/billing/info"));

        assertEquals("Agent Runner Inc.", first.path("name").asText());
        assertTrue(first.path("email").isNull());
        assertEquals(second, read);
        assertEquals("Agent Runner Inc.", read.path("name").asText());
        assertEquals("billing@example.com", read.path("email").asText());
        assertEquals("DE123456789", read.path("tax_id").asText());
        assertEquals("eu_vat", read.path("tax_id_type").asText());
        assertEquals("1 Main Street", read.path("address_line1").asText());
        assertEquals("Floor 3", read.path("address_line2").asText());
        assertEquals("Berlin", read.path("address_city").asText());
        assertEquals("10115", read.path("address_postal_code").asText());
        assertEquals("DE", read.path("address_country").asText());
        assertTrue(read.path("address_state").isNull());
    }

    @Test
    void theCliSpellingsAddressCityAndCountryAreAccepted() {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode info = data(http.put("/billing/info",
                "{\"name\": \"Agent Runner Inc.\", \"address\": \"1 Main Street\", \"city\": \"Berlin\", \"country\": \"DE\"}"));

        assertEquals("1 Main Street", info.path("address_line1").asText());
        assertEquals("Berlin", info.path("address_city").asText());
        assertEquals("DE", info.path("address_country").asText());
        assertEquals(info, data(http.get("/billing/info")));
    }

    @Test
    void theDocumentedSpellingWinsWhenBothAreSent() {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode info = data(http.put("/billing/info", "{\"address_line1\": \"Documented 1\", \"address\": \"CLI 1\", "
                + "\"address_city\": \"Paris\", \"city\": \"Lyon\", \"address_country\": \"FR\", \"country\": \"XX\"}"));

        assertEquals("Documented 1", info.path("address_line1").asText());
        assertEquals("Paris", info.path("address_city").asText());
        assertEquals("FR", info.path("address_country").asText());
    }

    @Test
    void nullOrABlankStringClearsAFieldAndStringsAreTrimmed() {
        TestHttp http = emu.as(emu.newAccount().token());
        data(http.put("/billing/info", "{\"name\": \"  Agent Runner  \", \"address_line2\": \"Floor 3\", \"address_state\": \"CA\"}"));

        JsonNode info = data(http.put("/billing/info", "{\"address_line2\": null, \"address_state\": \"   \"}"));

        assertEquals("Agent Runner", info.path("name").asText());
        assertTrue(info.path("address_line2").isNull(), info.toString());
        assertTrue(info.path("address_state").isNull(), info.toString());
    }

    @Test
    void aTaxIdWithoutItsTypeIsRefusedAndChangesNothing() {
        TestHttp http = emu.as(emu.newAccount().token());
        data(http.put("/billing/info", "{\"name\": \"Before\"}"));

        TestHttp.Answer answer = http.put("/billing/info", "{\"name\": \"After\", \"tax_id\": \"DE123456789\"}");

        assertValidationError(answer, "tax_id_type");
        assertEquals("The tax id type field is required when tax id is present.",
                answer.json().path("error").path("details").path("tax_id_type").get(0).asText());
        JsonNode info = data(http.get("/billing/info"));
        assertEquals("Before", info.path("name").asText());
        assertTrue(info.path("tax_id").isNull());
    }

    @Test
    void aTaxIdTypeNeedsATaxIdToDescribe() {
        TestHttp http = emu.as(emu.newAccount().token());

        assertValidationError(http.put("/billing/info", "{\"tax_id_type\": \"us_ein\"}"), "tax_id");
        assertValidationError(http.put("/billing/info", "{\"tax_id\": null, \"tax_id_type\": \"us_ein\"}"), "tax_id");

        assertTrue(data(http.get("/billing/info")).path("tax_id_type").isNull());
    }

    @Test
    void aTypeSentAloneRetypesTheStoredTaxIdAndClearingTheTaxIdClearsItsType() {
        TestHttp http = emu.as(emu.newAccount().token());
        data(http.put("/billing/info", "{\"tax_id\": \"GB123456789\", \"tax_id_type\": \"eu_vat\"}"));

        JsonNode retyped = data(http.put("/billing/info", "{\"tax_id_type\": \"gb_vat\"}"));
        JsonNode cleared = data(http.put("/billing/info", "{\"tax_id\": null}"));

        assertEquals("GB123456789", retyped.path("tax_id").asText());
        assertEquals("gb_vat", retyped.path("tax_id_type").asText());
        assertTrue(cleared.path("tax_id").isNull());
        assertTrue(cleared.path("tax_id_type").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca_gst_hst", "eu_oss_vat", "us_ein", "in_gst", "au_abn", "br_cnpj", "no_voec"})
    void stripesTaxIdTypesAreAccepted(String type) {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode info = data(http.put("/billing/info", "{\"tax_id\": \"123456789\", \"tax_id_type\": \"" + type + "\"}"));

        assertEquals(type, info.path("tax_id_type").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx_vat", "vat", "EU_VAT", "unknown", ""})
    void aTaxIdTypeStripeDoesNotKnowIsRefused(String type) {
        TestHttp http = emu.as(emu.newAccount().token());

        TestHttp.Answer answer = http.put("/billing/info", "{\"tax_id\": \"123456789\", \"tax_id_type\": \"" + type + "\"}");

        assertValidationError(answer, "tax_id_type");
        assertTrue(data(http.get("/billing/info")).path("tax_id").isNull());
    }

    @Test
    void aCountryMustBeAnExistingIsoCodeUnderWhicheverNameItWasSent() {
        TestHttp http = emu.as(emu.newAccount().token());

        TestHttp.Answer documented = http.put("/billing/info", "{\"address_country\": \"XX\"}");
        TestHttp.Answer cli = http.put("/billing/info", "{\"country\": \"ZZ\"}");
        TestHttp.Answer lowerCase = http.put("/billing/info", "{\"address_country\": \"de\"}");
        TestHttp.Answer name = http.put("/billing/info", "{\"address_country\": \"Germany\"}");

        assertValidationError(documented, "address_country");
        assertValidationError(cli, "country");
        assertValidationError(lowerCase, "address_country");
        assertValidationError(name, "address_country");
        assertTrue(data(http.get("/billing/info")).path("address_country").isNull());
    }

    @Test
    void malformedFieldsAreRefused() {
        TestHttp http = emu.as(emu.newAccount().token());

        assertValidationError(http.put("/billing/info", "{\"email\": \"not-an-email\"}"), "email");
        assertValidationError(http.put("/billing/info", "{\"name\": \"" + "x".repeat(256) + "\"}"), "name");
        assertValidationError(http.put("/billing/info", "{\"address_postal_code\": 10115}"), "address_postal_code");
    }

    @Test
    void oneAccountsProfileIsNeverAnothersAndAnUpdateTouchesOnlyItsOwn() {
        TestHttp owner = emu.as(emu.newAccount().token());
        TestHttp other = emu.as(emu.newAccount().token());
        data(owner.put("/billing/info", "{\"name\": \"Owner Ltd\", \"address_country\": \"US\"}"));

        data(other.put("/billing/info", "{\"name\": \"Other GmbH\"}"));

        assertEquals("Owner Ltd", data(owner.get("/billing/info")).path("name").asText());
        JsonNode others = data(other.get("/billing/info"));
        assertEquals("Other GmbH", others.path("name").asText());
        assertTrue(others.path("address_country").isNull());
    }

    @Test
    void aRetriedUpdateWithTheSameIdempotencyKeyIsReplayed() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String body = "{\"name\": \"Replayed Inc.\"}";

        TestHttp.Answer first = BillingTests.put(http, account.token(), "/billing/info", body, "info-once");
        data(http.put("/billing/info", "{\"name\": \"Changed since\"}"));
        TestHttp.Answer retry = BillingTests.put(http, account.token(), "/billing/info", body, "info-once");

        assertEquals(200, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json().path("data"), retry.json().path("data"));
        assertEquals("Changed since", data(http.get("/billing/info")).path("name").asText(), "a replay does not act again");
    }

    private static void assertValidationError(TestHttp.Answer answer, String field) {
        assertEquals(422, answer.status(), answer.body());
        assertEquals("validation_error", answer.json().path("error").path("code").asText());
        assertTrue(answer.json().path("error").path("details").has(field), answer.body());
        assertFalse(answer.json().path("error").path("details").path(field).get(0).asText().isBlank());
    }
}
