package dev.modelslabtwin.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The emulator's control API ({@code /_emulator}): what a person or time does on the live system —
 * read the verification email, pay on the hosted Checkout page, pass 3D Secure, spend credits, let a
 * month go by. Not part of the contract, so not validated against it.
 */
public final class ControlApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI root;

    ControlApi(URI root) {
        this.root = root;
    }

    /** The code the verification email of {@code email} carries. */
    public String verificationCode(String email) {
        return get("/verification-code?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .path("verification_code").asText();
    }

    /** The newest email the emulator's mailbox holds for {@code email}: kind, subject, code or token, link. */
    public JsonNode latestMail(String email) {
        return get("/mailbox/latest?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
    }

    /** Adds a seed document (accounts, teams, plans, coupons) to the emulator's state; what it created. */
    public JsonNode seed(Object document) {
        return post("/seed", document);
    }

    /** Pays a Checkout Session with a test card, as the person on the hosted page would. */
    public JsonNode payCheckout(String sessionId, String paymentMethod) {
        return post("/checkout/sessions/" + sessionId + "/pay", Json.object("payment_method", paymentMethod));
    }

    /** Approves (or fails) the 3D Secure step of a payment, as the cardholder would. */
    public JsonNode authenticate(String paymentIntentId, boolean approve) {
        return post("/payments/" + paymentIntentId + "/authenticate", Json.object("outcome", approve ? "approve" : "fail"));
    }

    /** Spends wallet credit as generation calls would. */
    public JsonNode spend(long accountId, BigDecimal amount) {
        return post("/accounts/" + accountId + "/usage", Json.object("amount", amount));
    }

    /** Moves emulated time forward; renewals and other due work run. */
    public JsonNode advanceClock(Duration by) {
        return post("/clock/advance", Json.object("duration", by.toString()));
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + "/_emulator" + path)).GET());
    }

    private JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(root + "/_emulator" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("control API " + answer.request().method() + " " + answer.request().uri()
                        + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return Json.parse(answer.body()).path("data");
        } catch (IOException e) {
            throw new AssertionError("control API unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
