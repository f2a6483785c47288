package dev.modelslabtwin.emulator.stripe.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.Stripe;
import com.stripe.net.RequestOptions;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stripe's own Java SDK, unchanged, pointed at an emulator as an agent points it: the API base moved
 * with {@link Stripe#overrideApiBase} and the publishable key ModelsLab hands out as the API key. What
 * only ModelsLab's server may read goes through the secret key's view, {@code /_emulator/stripe}
 * ({@link #secretView()}). The run's shared emulator (reset before each test) with the SDK pointed at
 * it, as a JUnit extension ({@code @RegisterExtension static final StripeSdk sdk = new StripeSdk();}); it
 * puts the SDK back as it found it after the class.
 */
final class StripeSdk implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Any key: the secret key's view is opened by the control API's rule (loopback), not by a Stripe key. */
    private static final String ANY_SECRET_KEY = "sk_test_emulator_secret_view";

    private final TestEmulator emu = TestEmulator.shared();

    @Override
    public void beforeAll(ExtensionContext context) {
        emu.beforeAll(context);
        Stripe.overrideApiBase(emu.emulator().baseUrl());
        Stripe.apiKey = emu.emulator().services().publishableKey();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emu.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Stripe.overrideApiBase(Stripe.LIVE_API_BASE);
        Stripe.apiKey = null;
    }

    /** Request options that read as ModelsLab's server does (the secret key's view). */
    RequestOptions secretView() {
        return RequestOptions.builder().setApiKey(ANY_SECRET_KEY)
                .setBaseUrl(emu.emulator().baseUrl() + "/_emulator/stripe").build();
    }

    /** A SetupIntent made through ModelsLab's API for a fresh account: its id and client secret. */
    JsonNode setupIntent() {
        TestHttp api = emu.as(emu.newAccount().token());
        TestHttp.Answer answer = api.post("/billing/setup-intent", null);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    /** A year that keeps a card valid. */
    long futureYear() {
        return emu.clock().instant().atZone(ZoneOffset.UTC).getYear() + 3L;
    }

    TestEmulator emulator() {
        return emu;
    }
}
