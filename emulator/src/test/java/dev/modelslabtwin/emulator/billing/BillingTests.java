package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the billing behaviour tests share: saving cards through the API, reading lists, seeding subscriptions. */
final class BillingTests {

    private BillingTests() {
    }

    /** {@code POST /billing/payment-methods} with {@code body}, e.g. {@code "make_default": false}. */
    static TestHttp.Answer attach(TestHttp http, String paymentMethodId, String moreFields) {
        return http.post("/billing/payment-methods", "{\"payment_method_id\": \"" + paymentMethodId + "\""
                + (moreFields.isEmpty() ? "" : ", " + moreFields) + "}");
    }

    /** Saves a card through the API and returns its {@code pm_...} id. */
    static String saveCard(TestHttp http, String paymentMethodId, String moreFields) {
        TestHttp.Answer answer = attach(http, paymentMethodId, moreFields);
        assertEquals(201, answer.status(), answer.body());
        return answer.json().path("data").path("id").asText();
    }

    static JsonNode cards(TestHttp http) {
        return data(http.get("/billing/payment-methods"));
    }

    /** The {@code data} of a 200 answer. */
    static JsonNode data(TestHttp.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    /** A PUT with a JSON body and an {@code Idempotency-Key}. */
    static TestHttp.Answer put(TestHttp http, String token, String path, String body, String idempotencyKey) {
        return http.send("PUT", path, body, Map.of("Authorization", "Bearer " + token, "Idempotency-Key", idempotencyKey));
    }

    /**
     * A subscription row as the Subscriptions capability writes it, made directly in the database
     * (this capability only reads subscriptions); {@code createdAgo} orders them.
     */
    static long seedSubscription(TestEmulator emu, TestEmulator.TestAccount account, long planId, String status,
                                 Duration createdAgo) {
        Instant now = emu.clock().instant();
        Instant created = now.minus(createdAgo);
        return emu.database().transaction(db -> Sql.insert(db, "INSERT INTO subscriptions (account_id, plan_id, status, "
                        + "stripe_subscription_id, payment_method_id, current_period_start, current_period_end, created_at) "
                        + "VALUES (?, ?, ?, ?, NULL, ?, ?, ?)", account.id(), planId, status,
                "sub_test" + System.nanoTime(), created, created.plus(Duration.ofDays(30)), created));
    }

    /** Moves emulated time on, so that what happens next is strictly later. */
    static void later(TestEmulator emu) {
        emu.clock().advance(Duration.ofSeconds(1));
    }

    /** What a plain GET of a URL answered: status, content type and the raw bytes. */
    record Download(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A plain GET, as a browser or {@code curl -O} makes it: no bearer token, no JSON expected. */
    static Download download(String url) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
