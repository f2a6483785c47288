package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.EmulatorServer;
import dev.modelslabtwin.emulator.ExampleApis;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestsAreCheckedAgainstTheContractTest {

    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer test-token");
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

    @Test
    void anAmountBelowTheMinimumIsAValidationErrorNamingTheField() {
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"amount\": 3}");

        assertValidationError(answer, "amount", "The amount must be at least 10");
    }

    @Test
    void theSameRefusedRequestIsRefusedEveryTime() {
        http.post("/wallet/fund", "{\"amount\": 3}");

        TestHttp.Answer again = http.post("/wallet/fund", "{\"amount\": 3}");

        assertValidationError(again, "amount", "The amount must be at least 10");
    }

    @Test
    void aRequestLikeOneThatPassedButForOneFieldIsCheckedAfresh() {
        assertEquals(200, http.post("/wallet/fund", "{\"amount\": 10}").status());

        TestHttp.Answer other = http.post("/wallet/fund", "{\"amount\": 1}");

        assertValidationError(other, "amount", "The amount must be at least 10");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"payment_method_id\": \"pm_card_visa\"}");

        assertValidationError(answer, "amount", "The amount field is required.");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"amount\": \"ten\"}");

        assertValidationError(answer, "amount", "wrong type");
    }

    @Test
    void moreThanTwoDecimalsIsRejected() {
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"amount\": 10.001}");

        assertValidationError(answer, "amount", "multiple of");
    }

    @Test
    void aPatternMismatchInTheBodyIsNamed() {
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"card_visa_4242\"}");

        assertValidationError(answer, "payment_method_id", "format is invalid");
    }

    @Test
    void everyOffendingFieldIsNamedAtOnce() {
        TestHttp.Answer answer = http.post("/billing/payment-link", "{\"purpose\": \"donate\", \"amount\": 20000}");

        assertEquals(422, answer.status());
        JsonNode details = answer.json().path("error").path("details");
        assertTrue(details.has("purpose"), details::toString);
        assertTrue(details.has("amount"), details::toString);
    }

    @Test
    void aMissingPairOfNamesIsReportedByItsDocumentedNameAlone() {
        JsonNode coupon = http.send("POST", "/wallet/coupons/redeem", "{}", AUTH).json().path("error").path("details");
        JsonNode plan = http.send("PUT", "/subscriptions/7", "{}", AUTH).json().path("error").path("details");
        JsonNode autoFunding = http.send("PUT", "/wallet/auto-funding", "{\"threshold\": 5}", AUTH).json()
                .path("error").path("details");

        assertEquals("{\"coupon_code\":[\"The coupon_code field is required.\"]}", coupon.toString());
        assertEquals("{\"new_plan_id\":[\"The new_plan_id field is required.\"]}", plan.toString());
        assertEquals("{\"auto_charge_amount\":[\"The auto_charge_amount field is required.\"]}", autoFunding.toString());
    }

    @Test
    void eitherNameOfAPairIsEnough() {
        int before = apis.calls().size();

        assertEquals(200, http.send("PUT", "/wallet/auto-funding", "{\"amount\": 25, \"charge_threshold\": 5}", AUTH).status());
        assertEquals(200, http.send("PUT", "/subscriptions/7", "{\"plan_id\": 10}", AUTH).status());

        assertEquals(before + 2, apis.calls().size());
    }

    @Test
    void aQueryParameterOutsideItsRangeIsNamed() {
        assertValidationError(http.get("/wallet/transactions?limit=500"), "limit", "may not be greater than 200");
    }

    @Test
    void aQueryParameterOutsideItsEnumIsNamed() {
        assertValidationError(http.get("/wallet/transactions?type=refund"), "type", "The selected type is invalid.");
    }

    @Test
    void aPathParameterThatBreaksItsPatternIsNamed() {
        assertValidationError(http.get("/payments/ch_123/status"), "id", "format is invalid");
    }

    @Test
    void aBodyThatIsNotJsonIsNamedAsTheBody() {
        assertValidationError(http.post("/wallet/fund", "{amount: 25"), "body", "not valid JSON");
    }

    @Test
    void aMissingBodyIsNamedAsTheBody() {
        assertValidationError(http.send("POST", "/wallet/fund", null, AUTH), "body", "required");
    }

    @Test
    void anInvalidRequestNeverReachesTheImplementation() {
        int before = apis.calls().size();

        http.post("/wallet/fund", "{\"amount\": 3}");

        assertEquals(before, apis.calls().size());
    }

    @Test
    void aValidRequestReachesTheImplementationWithTypedValues() {
        TestHttp.Answer answer = http.send("POST", "/wallet/fund", "{\"amount\": 25.50, \"payment_method_id\": \"pm_card_visa\"}",
                Map.of("Authorization", "Bearer test-token", "Idempotency-Key", "fund-25-abc"));

        assertEquals(200, answer.status(), answer.body());
        ExampleApis.Call call = apis.calls().get(apis.calls().size() - 1);
        assertEquals("fundWallet", call.operationId());
        var request = (dev.modelslabtwin.client.model.FundWalletRequest) call.arguments().get(1);
        assertEquals(new BigDecimal("25.50"), request.getAmount());
        assertEquals("pm_card_visa", request.getPaymentMethodId());
        assertEquals("fund-25-abc", call.arguments().get(2));
    }

    @Test
    void aJsonBodyWithoutContentTypeIsStillReadAsJson() {
        TestHttp.Answer answer = http.send("POST", "/wallet/fund", "{\"amount\": 25}",
                Map.of("Authorization", "Bearer test-token", "Content-Type", "text/plain"));

        assertTrue(answer.status() == 200 || answer.status() == 422, answer.body());
        assertEquals("application/json", answer.header("Content-Type").split(";")[0]);
    }

    @Test
    void anUnknownRouteAnswersRouteNotFoundInTheEnvelope() {
        TestHttp.Answer answer = http.get("/wallet/piggy-bank");

        assertEquals(404, answer.status());
        assertEquals("route_not_found", answer.json().path("error").path("code").asText());
        assertFalse(answer.json().path("meta").path("request_id").asText().isBlank());
    }

    @Test
    void aKnownPathWithAnotherMethodAnswersInTheEnvelope() {
        TestHttp.Answer answer = http.send("DELETE", "/wallet/balance", null, AUTH);

        assertTrue(answer.status() == 404 || answer.status() == 405, answer.body());
        assertFalse(answer.json().path("error").path("code").asText().isBlank());
    }

    private static void assertValidationError(TestHttp.Answer answer, String field, String messagePart) {
        assertEquals(422, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("validation_error", error.path("code").asText());
        JsonNode messages = error.path("details").path(field);
        assertTrue(messages.isArray() && !messages.isEmpty(), () -> "details name " + field + ": " + error);
        List<String> texts = new java.util.ArrayList<>();
        messages.forEach(m -> texts.add(m.asText()));
        assertTrue(texts.stream().anyMatch(t -> t.contains(messagePart)), () -> texts + " mention " + messagePart);
    }
}
