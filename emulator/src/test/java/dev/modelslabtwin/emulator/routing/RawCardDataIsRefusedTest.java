package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ContractResponseValidator;
import dev.modelslabtwin.emulator.EmulatorServer;
import dev.modelslabtwin.emulator.ExampleApis;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawCardDataIsRefusedTest {

    private static final ExampleApis apis = new ExampleApis();
    private static EmulatorServer server;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        server = EmulatorServer.start("127.0.0.1", 0, apis.routes(), ExampleApis.ANY_BEARER_TOKEN, null,
                RateLimiter.ofContract(false), config -> { });
        http = new TestHttp(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/billing/payment-methods | {\"payment_method_id\": \"pm_card_visa\", \"number\": \"4242424242424242\"} | number",
            "/billing/payment-methods | {\"payment_method_id\": \"pm_card_visa\", \"card\": {\"number\": \"4242424242424242\", \"cvc\": \"123\"}} | card.number",
            "/wallet/fund | {\"amount\": 25, \"cvc\": \"123\"} | cvc",
            "/wallet/fund | {\"amount\": 25, \"card_number\": \"4242 4242 4242 4242\"} | card_number"})
    void aBodyWithRawCardFieldsIsRefusedNamingTheFieldButNeverEchoingItsValue(String path, String body, String field) {
        int callsBefore = apis.calls().size();

        TestHttp.Answer answer = http.post(path, body);

        assertEquals(422, answer.status());
        JsonNode error = answer.json().path("error");
        assertEquals("card_data_not_accepted", error.path("code").asText());
        assertTrue(error.path("details").has(field), answer.body());
        assertFalse(answer.body().contains("4242"), "the answer must not echo the card number: " + answer.body());
        assertFalse(answer.body().contains("\"123\""), "the answer must not echo the CVC: " + answer.body());
        assertEquals(callsBefore, apis.calls().size(), "the operation must not run");
        assertEquals(List.of(), ContractResponseValidator.violations("POST", path, answer));
    }
}
