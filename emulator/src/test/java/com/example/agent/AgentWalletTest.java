package com.example.agent;

import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.client.ModelsLabException;
import dev.modelslabtwin.client.model.FundResult;
import dev.modelslabtwin.client.model.LoginRequest;
import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.client.model.TokenExpiry;
import dev.modelslabtwin.client.model.WalletCheckoutConfirmation;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.EmulatorToken;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ModelsLabEmulator
class AgentWalletTest {

    @Test
    void fundingWithACardRaisesTheBalance(ModelsLabClient client) {
        client.wallet().fund(new BigDecimal("25.00"), "pm_card_visa");

        assertEquals(new BigDecimal("75.00"), client.wallet().balance().getBalance());
    }

    @Test
    void withoutACardAPersonPaysOnCheckoutAndTheAgentWaitsForIt(ModelsLabClient client, @EmulatorBaseUrl String baseUrl)
            throws Exception {
        FundResult checkout = client.paymentFlows().startWalletCheckout(new BigDecimal("25.00"));
        HttpRequest personPays = HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/checkout/sessions/"
                + checkout.getSessionId() + "/pay")).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(200, HttpClient.newHttpClient().send(personPays, HttpResponse.BodyHandlers.ofString()).statusCode());

        WalletCheckoutConfirmation paid = client.paymentFlows().awaitWalletCheckout(checkout.getSessionId(),
                Duration.ofSeconds(30), Duration.ofSeconds(1));

        assertEquals(new BigDecimal("75.00"), paid.getBalance());
    }

    @Test
    void everyTestStartsFromTheSeededState(ModelsLabClient client) {
        assertEquals(new BigDecimal("50.00"), client.wallet().balance().getBalance());
    }

    @Test
    void theClientWaitsOutA429AndRetries(Emulator emulator, ModelsLabClient client) {
        emulator.injectFault(Fault.Spec.rateLimit("getWalletBalance", 1).times(1));

        assertEquals(new BigDecimal("50.00"), client.wallet().balance().getBalance());
    }

    @Test
    void aOneWeekTokenStopsWorkingAWeekLater(Emulator emulator, ModelsLabClient client) {
        String weekToken = client.auth().login(new LoginRequest().email("agent@example.com").password("password")
                .deviceName("nightly-agent").tokenExpiry(TokenExpiry._1_WEEK).scopes(Set.of(Scope.WALLET_READ)))
                .getAccessToken();

        emulator.advanceClock(Duration.ofDays(8));

        ModelsLabException refused = assertThrows(ModelsLabException.class,
                () -> client.withToken(weekToken).wallet().balance());
        assertEquals(401, refused.status());
    }

    @Test
    void anyHttpClientWorksWithTheBaseUrlAndToken(@EmulatorBaseUrl String baseUrl, @EmulatorToken String token)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/agents/v1/wallet/balance"))
                .header("Authorization", "Bearer " + token).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
    }
}
