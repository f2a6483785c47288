package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.client.RetryPolicy;
import dev.modelslabtwin.client.model.LoginResult;
import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.emulator.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our own Java client logs in against the emulator with nothing but an email and a password. */
class ClientLoginTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aPlainLoginLeavesScopesOutAndGetsAFullAccessToken() {
        TestEmulator.TestAccount account = emu.newAccount(new BigDecimal("12.00"), Set.of("*"));
        ModelsLabClient anonymous = ModelsLabClient.builder().baseUrl(emu.emulator().baseUrl())
                .retryPolicy(RetryPolicy.NONE).build();

        LoginResult login = anonymous.auth().login(account.email(), "password");

        assertEquals(List.of(Scope.STAR), List.copyOf(login.getScopes()));
        ModelsLabClient agent = ModelsLabClient.builder().baseUrl(emu.emulator().baseUrl()).token(login.getAccessToken())
                .retryPolicy(RetryPolicy.NONE).build();
        assertEquals(0, new BigDecimal("12.00").compareTo(agent.wallet().balance().getBalance()));
    }
}
