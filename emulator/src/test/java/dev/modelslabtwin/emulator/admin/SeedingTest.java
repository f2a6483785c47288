package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ControlHttp;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed documents, JSON or YAML, at start ({@code --seed}) and at run time (POST and PUT /_emulator/seed). */
class SeedingTest {

    private static final String JSON_SEED = """
            {
              "accounts": [
                {"email": "ci@example.com", "password": "ci-password", "balance": 12.34, "reseller": true,
                 "token": {"name": "ci", "secret": "ci_secret_token_0123456789", "scopes": ["wallet:read"]},
                 "payment_methods": ["pm_card_mastercard"]}
              ],
              "plans": [{"id": 77, "name": "CI Plan", "category": "normal", "period": "monthly", "price": 9.00}],
              "coupons": [{"code": "CI5", "kind": "credit", "credit_amount": 5.00}]
            }
            """;

    private static final String YAML_SEED = """
            accounts:
              - email: yaml@example.com
                balance: 7.50
                tokens:
                  - {name: reader, secret: yaml_reader_token_0123456789, scopes: ['wallet:read']}
                  - {name: writer, secret: yaml_writer_token_0123456789}
            coupons:
              - {code: YAML10, kind: credit, credit_amount: 10.00}
            """;

    @Test
    void aJsonSeedFileLoadsAtStart(@TempDir Path dir) throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.json"), JSON_SEED);

        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withSeedFile(seed))) {
            assertEquals("1|ci_secret_token_0123456789", emulator.defaultToken());
            assertMoney("12.34", balance(emulator, emulator.defaultToken()));
            TestHttp http = new TestHttp(emulator.baseUrl(), emulator.defaultToken());
            TestHttp.Answer writing = http.post("/wallet/fund", "{\"amount\": 10}");
            assertEquals(403, writing.status(), "the seeded token holds only wallet:read: " + writing.body());
            TestHttp.Answer coupon = http.get("/wallet/coupons/validate?coupon_code=CI5");
            assertTrue(coupon.json().path("data").path("valid").asBoolean(), coupon.body());
            JsonNode account = new ControlHttp(emulator.baseUrl()).get("/accounts").json().path("data").get(0);
            assertTrue(account.path("reseller").asBoolean());
        }
    }

    @Test
    void aYamlSeedFileLoadsAtStart(@TempDir Path dir) throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.yaml"), YAML_SEED);

        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withSeedFile(seed))) {
            assertEquals("1|yaml_reader_token_0123456789", emulator.defaultToken());
            assertMoney("7.50", balance(emulator, "2|yaml_writer_token_0123456789"));
        }
    }

    @Test
    void aJsonSeedPostedAtRunTimeAddsToTheState() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            ControlHttp control = new ControlHttp(emulator.baseUrl());

            TestHttp.Answer seeded = control.post("/seed", JSON_SEED);

            assertEquals(200, seeded.status(), seeded.body());
            JsonNode account = seeded.json().path("data").path("accounts").get(0);
            assertTrue(account.path("created").asBoolean());
            String token = account.path("tokens").get(0).path("token").asText();
            assertTrue(token.endsWith("|ci_secret_token_0123456789"), token);
            assertEquals(1, account.path("payment_methods").size());
            assertMoney("12.34", balance(emulator, token));
            assertEquals(3, control.get("/accounts").json().path("data").size(), "the built-in accounts stay");
            assertMoney("50.00", balance(emulator, emulator.defaultToken()));
        }
    }

    @Test
    void aYamlSeedPostedAtRunTimeAddsToTheState() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            TestHttp.Answer seeded = new ControlHttp(emulator.baseUrl()).sendYaml("POST", "/seed", YAML_SEED);

            assertEquals(200, seeded.status(), seeded.body());
            JsonNode tokens = seeded.json().path("data").path("accounts").get(0).path("tokens");
            assertEquals(2, tokens.size());
            assertMoney("7.50", balance(emulator, tokens.get(1).path("token").asText()));
            assertEquals(1, seeded.json().path("data").path("coupons").asInt());
        }
    }

    @Test
    void seedingAnAccountThatExistsChangesNothingAboutIt() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            TestHttp.Answer seeded = new ControlHttp(emulator.baseUrl()).post("/seed",
                    "{\"accounts\": [{\"email\": \"agent@example.com\", \"balance\": 999}]}");

            assertEquals(200, seeded.status(), seeded.body());
            assertFalse(seeded.json().path("data").path("accounts").get(0).path("created").asBoolean());
            assertEquals(1, seeded.json().path("data").path("accounts").get(0).path("id").asLong());
            assertMoney("50.00", balance(emulator, emulator.defaultToken()));
        }
    }

    @Test
    void aSeedWithOneMistakeChangesNothing() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            ControlHttp control = new ControlHttp(emulator.baseUrl());

            TestHttp.Answer refused = control.post("/seed", """
                    {"accounts": [
                      {"email": "fine@example.com", "balance": 10},
                      {"email": "broken@example.com", "payment_methods": ["pm_card_chargeDeclinedFraudulent"]}
                    ]}""");

            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.json().path("error").path("details").has("accounts.1.payment_methods.0"), refused.body());
            assertEquals(2, control.get("/accounts").json().path("data").size(), "fine@example.com was not kept");
        }
    }

    @Test
    void aSeedThatBreaksTheDocumentIsRefusedFieldByField() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            TestHttp.Answer refused = new ControlHttp(emulator.baseUrl()).post("/seed",
                    "{\"accounts\": [{\"email\": \"x@example.com\", \"balanse\": 10}], \"coupons\": [{\"code\": \"X\", \"kind\": \"gift\"}]}");

            assertEquals(422, refused.status(), refused.body());
            assertEquals("validation_error", refused.json().path("error").path("code").asText());
            JsonNode details = refused.json().path("error").path("details");
            assertTrue(details.toString().contains("balanse"), details.toString());
            assertTrue(details.has("coupons.0.kind"), details.toString());
        }
    }

    @Test
    void aSeedPutAtRunTimeBecomesTheStateEveryResetReturnsTo() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            ControlHttp control = new ControlHttp(emulator.baseUrl());

            TestHttp.Answer replaced = control.sendYaml("PUT", "/seed", YAML_SEED);
            control.post("/accounts/1/usage", "{\"amount\": 2.50}");
            TestHttp.Answer reset = control.post("/reset", null);

            assertEquals(200, replaced.status(), replaced.body());
            assertEquals("1|yaml_reader_token_0123456789", replaced.json().path("data").path("default_token").asText());
            assertEquals(200, reset.status(), reset.body());
            JsonNode accounts = control.get("/accounts").json().path("data");
            assertEquals(1, accounts.size(), accounts.toString());
            assertEquals("yaml@example.com", accounts.get(0).path("email").asText());
            assertMoney("7.50", accounts.get(0).path("balance").decimalValue());
        }
    }

    private static BigDecimal balance(Emulator emulator, String token) {
        TestHttp.Answer answer = new TestHttp(emulator.baseUrl(), token).get("/wallet/balance");
        assertEquals(200, answer.status(), answer.body());
        return new BigDecimal(answer.json().path("data").path("balance").asText());
    }
}
