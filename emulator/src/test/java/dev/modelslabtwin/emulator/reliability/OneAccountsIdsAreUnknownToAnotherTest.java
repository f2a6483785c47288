package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.routing.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account's ids are as unknown to another account as ids nobody ever made: every operation of the
 * contract that takes an id (in its path or its body), called with another account's token and a real
 * id of the victim's, answers exactly what it answers for a made-up id of the same form — never a 403
 * that admits the resource exists, never a field of it — and changes nothing of the victim's. Lists
 * show none of the victim's ids either.
 */
class OneAccountsIdsAreUnknownToAnotherTest {

    @RegisterExtension
    static final TestEmulator emulator = TestEmulator.sharedWithoutReset();
    private static LoadClient client;
    private static String victimToken;
    private static String victimEmail;
    private static String intruderToken;
    /** The victim's ids by kind, and made-up ids of the same form. */
    private static final Map<String, String> victims = new LinkedHashMap<>();
    private static final Map<String, String> madeUp = Map.of("token", "999999", "card", "pm_MadeUpNoSuchCardAtAllXyZ",
            "invoice", "in_MadeUpNoSuchInvoiceAtAll", "payment", "pi_MadeUpNoSuchPaymentAtAll", "subscription", "999999",
            "fund_session", "cs_test_MadeUpNoSuchSessionAtAllMadeUpNoSuchSessionAtAllXy",
            "subscribe_session", "cs_test_MadeUpNoSuchSessionAtAllMadeUpNoSuchSessionAtAllXz");
    private static String victimStateBefore;

    @BeforeAll
    static void aVictimWithOneOfEverythingAndAnIntruder() {
        client = new LoadClient(emulator.emulator().baseUrl());
        JsonNode victim = client.control("POST", "/accounts", "{\"balance\": 200.00, "
                + "\"payment_methods\": [\"pm_card_visa\", \"pm_card_mastercard\"]}").data();
        victimToken = victim.path("tokens").get(0).path("token").asText();
        victimEmail = victim.path("email").asText();
        victims.put("card", victim.path("payment_methods").get(1).asText());
        JsonNode second = client.control("POST", "/accounts/" + victim.path("id").asLong() + "/tokens",
                "{\"name\": \"second\", \"scopes\": [\"*\"]}").data();
        victims.put("token", second.path("id").asText());
        JsonNode funded = victimCall("POST", "/wallet/fund", "{\"amount\": 30.00, \"payment_method_id\": \""
                + victims.get("card") + "\"}").data();
        victims.put("payment", funded.path("payment").path("payment_intent_id").asText());
        victims.put("invoice", victimCall("GET", "/billing/invoices", null).data().get(0).path("id").asText());
        victims.put("subscription", victimCall("POST", "/subscriptions", "{\"plan_id\": 20, \"payment_method_id\": \""
                + victims.get("card") + "\"}").data().path("subscription").path("id").asText());
        victims.put("fund_session", victimCall("POST", "/billing/payment-link", "{\"amount\": 25.00, \"purpose\": \"fund\"}")
                .data().path("session_id").asText());
        victims.put("subscribe_session", victimCall("POST", "/billing/payment-link",
                "{\"purpose\": \"subscribe\", \"plan_id\": 30}").data().path("session_id").asText());
        victims.values().forEach(id -> assertFalse(id.isEmpty(), victims.toString()));
        intruderToken = client.control("POST", "/accounts", "{\"balance\": 100.00, \"payment_methods\": [\"pm_card_visa\"]}")
                .data().path("tokens").get(0).path("token").asText();
        victimStateBefore = victimState();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersAnotherAccountsIdAsItAnswersAMadeUpOne() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ContractExamples.Operation operation : ContractExamples.operations()) {
            for (Map.Entry<String, String> place : idsTaken(operation).entrySet()) {
                tests.add(DynamicTest.dynamicTest(operation.operationId() + " " + place.getKey(),
                        () -> answersAlike(operation, place.getKey(), place.getValue())));
            }
        }
        assertTrue(tests.size() >= 19, "operations taking ids: " + tests.size());
        Figures.print("isolation", "%d operation and id pairs tried with another account's ids", tests.size());
        return tests.stream();
    }

    @Test
    void listsShowNoneOfAnotherAccountsIdsOrEmail() {
        for (String list : List.of("/billing/invoices", "/billing/payment-methods", "/subscriptions", "/auth/tokens",
                "/wallet/transactions?limit=200", "/billing/overview", "/billing/info")) {
            LoadClient.Reply reply = client.api("GET", list, intruderToken, null);
            assertEquals(200, reply.status(), list + " " + reply.body());
            assertFalse(reply.body().contains(victimEmail), list + " shows the victim's email");
            for (Map.Entry<String, String> id : victims.entrySet()) {
                if (!id.getKey().equals("token") && !id.getKey().equals("subscription")) {
                    assertFalse(reply.body().contains(id.getValue()), list + " shows the victim's " + id.getKey());
                }
            }
        }
    }

    @Test
    void theVictimsStateIsWhatItWasAfterEveryAttempt() {
        everyOperationAnswersAnotherAccountsIdAsItAnswersAMadeUpOne().forEach(test -> {
            try {
                test.getExecutable().execute();
            } catch (Throwable ignored) {
                // judged by the dynamic tests; here only what they left behind counts
            }
        });

        assertEquals(victimStateBefore, victimState());
    }

    /** Where the operation takes an id of an account's resource: "path" or a body field, and the kind of resource. */
    private static Map<String, String> idsTaken(ContractExamples.Operation operation) {
        Map<String, String> places = new LinkedHashMap<>();
        String path = operation.path();
        if (path.contains("{id}")) {
            places.put("path", path.startsWith("/auth/tokens") ? "token" : path.startsWith("/billing/payment-methods") ? "card"
                    : path.startsWith("/billing/invoices") ? "invoice" : path.startsWith("/payments") ? "payment"
                    : path.startsWith("/subscriptions") ? "subscription" : "unknown " + path);
        }
        JsonNode example = operation.requestExample().orElse(null);
        if (example != null && example.isObject()) {
            for (Iterator<String> fields = example.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (field.equals("payment_method_id")) {
                    places.put(field, "card");
                } else if (field.equals("session_id")) {
                    places.put(field, path.startsWith("/subscriptions") ? "subscribe_session" : "fund_session");
                }
            }
        }
        if (operation.node().path("requestBody").isObject() && !places.containsKey("payment_method_id")
                && List.of("/wallet/fund", "/subscriptions", "/subscriptions/charge-amount", "/billing/payment-methods",
                "/wallet/coupons/redeem").contains(path) && operation.method().equals("POST")) {
            places.put("payment_method_id", "card");
        }
        return places;
    }

    private static void answersAlike(ContractExamples.Operation operation, String place, String kind) {
        assertFalse(kind.startsWith("unknown"), operation.operationId() + " takes an id of a kind this test does not know: " + kind);
        String real = victims.get(kind);
        String fake = madeUp.get(kind);
        LoadClient.Reply withReal = intruderCall(operation, place, real);
        LoadClient.Reply withFake = intruderCall(operation, place, fake);

        String what = operation.method() + " " + operation.path() + " with the victim's " + kind + " in " + place + ": "
                + withReal.status() + " " + withReal.body();
        assertNotEquals(403, withReal.status(), what);
        assertTrue(withReal.status() >= 400, what);
        assertEquals(withFake.status(), withReal.status(), what + "\nmade-up: " + withFake.body());
        assertEquals(normalised(withFake, fake), normalised(withReal, real), what);
        assertFalse(withReal.body().contains(victimEmail), what);
    }

    private static LoadClient.Reply intruderCall(ContractExamples.Operation operation, String place, String id) {
        String path = place.equals("path") ? operation.path().replace("{id}", id) : operation.examplePath();
        String body = null;
        if (operation.node().path("requestBody").isObject()) {
            ObjectNode example = operation.requestExample().filter(JsonNode::isObject).map(e -> (ObjectNode) e.deepCopy())
                    .orElseGet(Json.MAPPER::createObjectNode);
            if (!place.equals("path")) {
                example.put(place, id);
            }
            body = example.toString();
        }
        return client.api(operation.method(), path, intruderToken, body);
    }

    /** The answer with the id it was asked about and its request id blanked: what it says about the resource. */
    private static String normalised(LoadClient.Reply reply, String id) {
        ObjectNode envelope = (ObjectNode) reply.json().deepCopy();
        envelope.remove("meta");
        return envelope.toString().replace(id, "<id>");
    }

    private static LoadClient.Reply victimCall(String method, String path, String body) {
        LoadClient.Reply reply = client.api(method, path, victimToken, body);
        assertTrue(reply.status() < 300, method + " " + path + " " + reply.body());
        return reply;
    }

    /** What the victim sees of its own account: balance, cards, invoices, subscriptions, tokens, ledger. */
    private static String victimState() {
        StringBuilder state = new StringBuilder();
        for (String read : List.of("/wallet/balance", "/billing/payment-methods", "/billing/invoices", "/subscriptions",
                "/wallet/transactions?limit=200", "/payments/" + victims.get("payment") + "/status")) {
            JsonNode data = victimCall("GET", read, null).data();
            state.append(read).append(' ').append(data).append('\n');
        }
        JsonNode tokens = victimCall("GET", "/auth/tokens", null).data();
        for (JsonNode token : tokens.isArray() ? tokens : tokens.path("items")) {
            state.append("token ").append(token.path("id")).append(' ').append(token.path("name")).append('\n');
        }
        return state.toString();
    }
}
