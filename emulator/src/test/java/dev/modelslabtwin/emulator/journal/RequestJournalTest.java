package dev.modelslabtwin.emulator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ControlHttp;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /_emulator/journal: what agents actually sent and got back, with secrets and card data masked. */
class RequestJournalTest extends ResetBeforeEachTest {

    @Test
    void everyApiRequestIsRecordedWithItsAnswer() {
        TestHttp.Answer fund = emu.http().post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"pm_card_visa\"}",
                "journal-fund-1");

        JsonNode entry = entries("").get(0);

        assertEquals("POST", entry.path("method").asText());
        assertEquals("/api/agents/v1/wallet/fund", entry.path("path").asText());
        assertEquals(200, entry.path("status").asInt());
        assertFalse(entry.path("dropped").asBoolean());
        assertEquals(fund.header("X-Request-Id"), entry.path("request_id").asText());
        assertEquals("fundWallet", entry.path("operation_id").asText());
        assertEquals(1, entry.path("account_id").asLong());
        assertTrue(entry.path("duration_ms").asDouble() >= 0);
        assertEquals("journal-fund-1", entry.path("request").path("headers").path("idempotency-key").asText());
        assertEquals(25, entry.path("request").path("body").path("amount").asInt());
        assertEquals(fund.json(), entry.path("response").path("body"));
        assertTrue(entry.path("response").path("headers").has("x-ratelimit-remaining"));
    }

    @Test
    void theJournalShowsNoTokenPasswordVerificationCodeOrCardDataAnywhere() {
        TestHttp anonymous = emu.as(null);
        anonymous.post("/auth/signup", "{\"email\": \"masked@example.com\", \"password\": \"hunter2-secret\", "
                + "\"password_confirmation\": \"hunter2-secret\"}");
        String code = control.get("/verification-code?email=masked@example.com").json().path("data").path("verification_code").asText();
        String accessToken = anonymous.post("/auth/verify-email", "{\"verification_code\": \"" + code + "\"}")
                .json().path("data").path("access_token").asText();
        emu.as(accessToken).get("/wallet/balance");
        TestHttp.Answer card = emu.as(accessToken).post("/wallet/fund",
                "{\"amount\": 25, \"card\": {\"number\": \"4242 4242 4242 4242\", \"cvc\": \"987\", \"exp_month\": 12}}");
        emu.as(accessToken).post("/wallet/fund", "{\"amount\": 25, \"number\": 4000056655665556, \"cvc\": 321");

        String journal = control.get("/journal").body();

        assertEquals(422, card.status(), card.body());
        String secret = accessToken.substring(accessToken.indexOf('|') + 1);
        for (String leak : new String[] {"hunter2-secret", code, secret, "4242 4242 4242 4242", "4242424242424242",
                "4000056655665556", "\"987\""}) {
            assertFalse(journal.contains(leak), "the journal shows " + leak + ": " + journal);
        }
        JsonNode entries = entries("");
        JsonNode refusedCard = entries.get(1).path("request").path("body").path("card");
        assertEquals("****4242", refusedCard.path("number").asText());
        assertEquals("****", refusedCard.path("cvc").asText());
        assertEquals(12, refusedCard.path("exp_month").asInt(), "what is not card data stays readable");
        String tokenId = accessToken.substring(0, accessToken.indexOf('|'));
        assertEquals("Bearer " + tokenId + "|****", entries.get(0).path("request").path("headers").path("authorization").asText());
        JsonNode verified = entries.get(3);
        assertEquals("****", verified.path("request").path("body").path("verification_code").asText());
        assertEquals(tokenId + "|****", verified.path("response").path("body").path("data").path("access_token").asText());
        assertEquals("masked@example.com", entries.get(4).path("request").path("body").path("email").asText());
        String notJson = entries.get(0).path("request").path("body").asText();
        assertTrue(notJson.contains("\"cvc\": ****"), "a body that is not JSON is masked as text: " + notJson);
    }

    @Test
    void theJournalIsFilteredByMethodPathStatusOperationAccountAndTime() {
        Instant before = Instant.now();
        emu.http().get("/wallet/balance");
        emu.http().post("/wallet/fund", "{\"amount\": 5}");
        emu.http().get("/payments/pi_nope/status");
        TestHttp.Answer last = emu.http().get("/wallet/transactions?limit=2");

        assertEquals(4, entries("?since=" + before).size());
        assertEquals(3, entries("?method=GET").size());
        assertEquals(2, entries("?path=/wallet/**&method=GET").size());
        assertEquals(1, entries("?path=/payments/*/status").size());
        assertEquals(2, entries("?status=4xx").size());
        assertEquals(1, entries("?status=404").size());
        assertEquals("limit=2", entries("?operation_id=listWalletTransactions").get(0).path("query").asText());
        assertEquals(4, entries("?account_id=1").size());
        assertEquals(0, entries("?account_id=2").size());
        assertEquals(1, entries("?request_id=" + last.header("X-Request-Id")).size());
        assertEquals(2, entries("?limit=2").size());
        assertEquals(0, entries("?since=" + Instant.now().plusSeconds(60)).size());
    }

    @Test
    void newestEntriesComeFirst() {
        emu.http().get("/wallet/balance");
        emu.http().get("/wallet/transactions");

        JsonNode entries = entries("");

        assertEquals("listWalletTransactions", entries.get(0).path("operation_id").asText());
        assertTrue(entries.get(0).path("id").asLong() > entries.get(1).path("id").asLong());
    }

    @Test
    void clearingTheJournalForgetsEveryEntry() {
        emu.http().get("/wallet/balance");

        TestHttp.Answer cleared = control.delete("/journal");

        assertEquals(1, cleared.json().path("data").path("cleared").asInt());
        assertEquals(0, entries("").size());
    }

    @Test
    void requestsToTheControlApiAndTheDocumentationAreNotJournaled() {
        control.get("/clock");
        new TestHttp(emu.emulator().baseUrl()).sendToRoot("GET", "/openapi.json", null, Map.of());

        assertEquals(0, entries("").size());
    }

    @Test
    void aRequestToAnUnknownApiPathIsJournaledWithItsAnswer() {
        new TestHttp(emu.emulator().baseUrl()).sendToRoot("GET", "/api/agents/v1/wallet/nothing-here", null, Map.of());

        JsonNode entry = entries("").get(0);

        assertEquals(404, entry.path("status").asInt());
        assertEquals("route_not_found", entry.path("response").path("body").path("error").path("code").asText());
        assertTrue(entry.path("operation_id").isNull());
    }

    @Test
    void theJournalKeepsOnlyItsCapacityOfNewestEntries() {
        try (Emulator small = Emulator.start(Emulator.Options.forTests().withJournalSize(3))) {
            TestHttp http = new TestHttp(small.baseUrl(), small.defaultToken());
            for (int i = 0; i < 5; i++) {
                http.get("/wallet/transactions?offset=" + i);
            }

            JsonNode page = new ControlHttp(small.baseUrl()).get("/journal").json().path("data");

            assertEquals(3, page.path("capacity").asInt());
            assertEquals(5, page.path("recorded").asLong());
            assertEquals(3, page.path("entries").size());
            assertEquals("offset=4", page.path("entries").get(0).path("query").asText());
            assertEquals("offset=2", page.path("entries").get(2).path("query").asText());
        }
    }

    @Test
    void aJournalOfSizeZeroRecordsNothing() {
        try (Emulator none = Emulator.start(Emulator.Options.forTests().withJournalSize(0))) {
            new TestHttp(none.baseUrl(), none.defaultToken()).get("/wallet/balance");

            JsonNode page = new ControlHttp(none.baseUrl()).get("/journal").json().path("data");

            assertEquals(0, page.path("capacity").asInt());
            assertEquals(0, page.path("entries").size());
        }
    }

    private static JsonNode entries(String query) {
        TestHttp.Answer answer = control.get("/journal" + query);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data").path("entries");
    }
}
