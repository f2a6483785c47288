package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.CapturedErr;
import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.journal.JournalEntry;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import dev.modelslabtwin.emulator.routing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets stay secret wherever the emulator writes: bearer tokens — sent, issued by signup, login,
 * refresh and the control API, valid or not — never appear in the request log or the journal; raw
 * card numbers sent to the API, in any body value, query or path parameter or Idempotency-Key, are
 * refused, and appear neither in the log, nor the journal, nor anywhere in the database (read whole
 * with H2's SCRIPT). The control API's own gate (loopback, admin token) is {@code ControlAccessTest}'s.
 */
class SecretsAppearNowhereTest {

    /** Card numbers the fake Stripe never tokenises in this test, in the forms people type them. */
    static final List<String> CARD_NUMBERS = List.of("4000056655665556", "4000 0566 5566 5556", "378282246310005",
            "6011-1111-1111-1117", "4111111111111111", "5105105105105100", "3566 0020 2036 0505");

    private static Emulator emulator;
    private static CapturedErr err;
    private static LoadClient client;
    private static final Set<String> tokens = new LinkedHashSet<>();
    private static final List<String> cardRefusals = new ArrayList<>();
    private static final Map<String, Integer> cardAnswers = new TreeMap<>();

    @BeforeAll
    static void trafficFullOfSecrets() throws Exception {
        err = CapturedErr.start();
        emulator = Emulator.start(Emulator.Options.forTests().withRequestLog(true).withRateLimits(false));
        client = new LoadClient(emulator.baseUrl());
        tokensIssuedAndUsed();
        cardNumbersSentEverywhere();
        err.linesOf("dev.modelslabtwin.emulator.requests", 60);
    }

    @AfterAll
    static void stop() {
        emulator.close();
        err.close();
    }

    @Test
    void bearerTokensAppearNeitherInTheLogNorInTheJournal() {
        String log = err.text();
        String journal = journalAsShown();
        List<String> leaks = new ArrayList<>();
        for (String token : tokens) {
            String secret = token.substring(token.indexOf('|') + 1);
            if (log.contains(secret)) {
                leaks.add("log shows " + token);
            }
            if (journal.contains(secret)) {
                leaks.add("journal shows " + token);
            }
        }
        Figures.print("secrets", "%d tokens looked for in %d log characters and %d journal characters: %d found",
                tokens.size(), log.length(), journal.length(), leaks.size());
        assertTrue(tokens.size() >= 7, "tokens issued: " + tokens);
        assertEquals(List.of(), leaks);
        assertTrue(log.contains("auth=\"Bearer "), "the log shows that a token was sent, masked");
    }

    @Test
    void cardNumbersSentAnywhereInARequestToTheApiAreRefused() {
        Figures.print("secrets", "%d requests carrying a card number: answers %s",
                cardAnswers.values().stream().mapToInt(Integer::intValue).sum(), cardAnswers);
        assertEquals(List.of(), ConcurrentMoneyMovementsTest.first(cardRefusals));
        assertTrue(cardAnswers.getOrDefault("422 card_data_not_accepted", 0) >= 150, cardAnswers.toString());
    }

    @Test
    void refusedCardNumbersAppearNeitherInTheLogNorTheJournalNorTheDatabase() {
        String log = err.text();
        String journal = journalAsShown();
        String database = databaseAsScript();
        assertTrue(database.contains("scan-marker-7f3a"), "the database scan reads the stored data");
        List<String> found = new ArrayList<>();
        for (String number : CARD_NUMBERS) {
            String digits = number.replaceAll("[ -]", "");
            for (String form : new LinkedHashSet<>(List.of(number, digits))) {
                if (log.contains(form)) {
                    found.add("log: " + form);
                }
                if (journal.contains(form)) {
                    found.add("journal: " + form);
                }
                if (database.contains(form)) {
                    found.add("database: " + form);
                }
            }
        }
        Figures.print("secrets", "%d card numbers looked for in the log, the journal and %d characters of database script",
                CARD_NUMBERS.size(), database.length());
        assertEquals(List.of(), found);
    }

    private static void tokensIssuedAndUsed() throws Exception {
        tokens.add(emulator.defaultToken());
        JsonNode created = client.control("POST", "/accounts", "{\"email\": \"secrets@example.com\", \"password\": \"password\"}").data();
        long accountId = created.path("id").asLong();
        tokens.add(created.path("tokens").get(0).path("token").asText());
        tokens.add(client.control("POST", "/accounts/" + accountId + "/tokens", "{\"name\": \"ci\", \"scopes\": [\"*\"]}")
                .data().path("token").asText());
        String login = client.send("POST", "/api/agents/v1/auth/login",
                "{\"email\": \"secrets@example.com\", \"password\": \"password\", \"device_name\": \"ci\"}").data()
                .path("access_token").asText();
        tokens.add(login);
        client.send("POST", "/api/agents/v1/auth/signup",
                "{\"email\": \"new-secret@example.com\", \"password\": \"secret123\", \"name\": \"New\"}");
        String code = client.control("GET", "/verification-code?email=new-secret@example.com", null).data()
                .path("verification_code").asText();
        JsonNode verified = client.send("POST", "/api/agents/v1/auth/verify-email", "{\"verification_code\": \"" + code + "\"}").data();
        tokens.add(verified.path("access_token").asText());
        String refreshed = client.api("POST", "/auth/refresh", login, "{\"token_expiry\": \"1_month\"}").data()
                .path("access_token").asText();
        tokens.add(refreshed);
        for (String token : List.copyOf(tokens)) {
            client.api("GET", "/wallet/balance", token, null);
            client.api("GET", "/auth/tokens?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), token, null);
            client.api("POST", "/wallet/fund", token, "{\"amount\": 5, \"access_token\": \"" + token + "\"}");
        }
        String invented = "77|inventedSecretThatIsNoTokenAtAll0123456789";
        tokens.add(invented);
        client.api("GET", "/wallet/balance", invented, null);
        client.api("POST", "/auth/logout", refreshed, null);
        client.api("GET", "/wallet/balance", refreshed, null);
        tokens.removeIf(String::isEmpty);
        // A stored value the database scan must find, so that finding nothing means something.
        client.api("PUT", "/billing/info", emulator.defaultToken(), "{\"name\": \"scan-marker-7f3a\"}");
    }

    private static void cardNumbersSentEverywhere() {
        String token = emulator.defaultToken();
        int n = 0;
        for (ContractExamples.Operation operation : ContractExamples.operations()) {
            String number = CARD_NUMBERS.get(n++ % CARD_NUMBERS.size());
            List<String[]> requests = new ArrayList<>();
            String body = operation.node().path("requestBody").isObject()
                    ? operation.requestExample().map(JsonNode::toString).orElse("{}") : null;
            requests.add(new String[] {"query", operation.examplePath() + "?q=" + URLEncoder.encode(number, StandardCharsets.UTF_8), body, null});
            requests.add(new String[] {"Idempotency-Key", operation.examplePath(), body, number});
            if (operation.path().contains("{")) {
                requests.add(new String[] {"path", operation.path().replaceAll("\\{[^}]+}",
                        URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20")), body, null});
            }
            JsonNode example = operation.requestExample().orElse(null);
            if (example != null && example.isObject()) {
                for (Iterator<String> fields = example.fieldNames(); fields.hasNext(); ) {
                    String field = fields.next();
                    ObjectNode carrying = (ObjectNode) example.deepCopy();
                    carrying.put(field, number);
                    requests.add(new String[] {"body " + field, operation.examplePath(), carrying.toString(), null});
                }
                ObjectNode nested = (ObjectNode) example.deepCopy();
                nested.putObject("metadata").putArray("notes").add(number);
                requests.add(new String[] {"body metadata.notes", operation.examplePath(), nested.toString(), null});
            }
            for (String[] request : requests) {
                LoadClient.Reply reply = request[3] == null
                        ? client.api(operation.method(), request[1], token, request[2])
                        : client.api(operation.method(), request[1], token, request[2], "Idempotency-Key", request[3]);
                String answer = reply.status() + " " + reply.errorCode();
                cardAnswers.merge(answer, 1, Integer::sum);
                if (!answer.equals("422 card_data_not_accepted")) {
                    cardRefusals.add(operation.operationId() + " with a card number in " + request[0] + ": " + reply.body());
                } else if (reply.body().contains(number) || reply.body().contains(number.replaceAll("[ -]", ""))) {
                    cardRefusals.add(operation.operationId() + " echoes the card number: " + reply.body());
                }
            }
        }
    }

    /** The whole journal as the control API shows it, and as Java callers see each entry. */
    private static String journalAsShown() {
        String shown = client.control("GET", "/journal?limit=1000", null).body();
        String viewed = emulator.journal().find(new RequestJournal.Filter(null, null, null, null, null, null, null, 10_000))
                .entries().stream().map(JournalEntry::view).map(Object::toString).collect(Collectors.joining("\n"));
        return shown + "\n" + viewed;
    }

    /** Every row of every table, as SQL text. */
    private static String databaseAsScript() {
        return emulator.services().database().transaction(db -> {
            StringBuilder script = new StringBuilder();
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SCRIPT")) {
                while (rows.next()) {
                    script.append(rows.getString(1)).append('\n');
                }
            }
            return script.toString();
        });
    }
}
