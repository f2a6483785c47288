package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.ControlHttp;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Who may use the control API: loopback callers always; others only with the admin token, and only
 * when one is configured. A caller that is not on loopback is this machine reaching itself through
 * its own network address (the tests need one; they are skipped on a machine with only loopback).
 */
class ControlAccessTest {

    private static final String ADMIN_TOKEN = "ci-admin-token-5f1e2d";
    private static String networkAddress;

    @BeforeAll
    static void findANetworkAddress() throws SocketException {
        networkAddress = ownNetworkAddress().orElse(null);
    }

    @Test
    void loopbackCallersMayUseItWithoutAnyToken() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            assertEquals(200, new ControlHttp(emulator.baseUrl()).get("/clock").status());
        }
    }

    @Test
    void withoutAnAdminTokenCallersNotOnLoopbackAreRefusedWith403() {
        assumeTrue(networkAddress != null, "this machine has no network address besides loopback");
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withHost("0.0.0.0"))) {
            TestHttp.Answer answer = new ControlHttp(remote(emulator)).withAdminToken(ADMIN_TOKEN).get("/clock");

            assertEquals(403, answer.status(), answer.body());
            assertEquals("access_denied", answer.json().path("error").path("code").asText());
        }
    }

    @Test
    void withAnAdminTokenCallersNotOnLoopbackNeedIt() {
        assumeTrue(networkAddress != null, "this machine has no network address besides loopback");
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withHost("0.0.0.0").withAdminToken(ADMIN_TOKEN))) {
            ControlHttp remote = new ControlHttp(remote(emulator));

            TestHttp.Answer without = remote.get("/clock");
            TestHttp.Answer wrong = remote.withAdminToken("not-the-admin-token").get("/clock");
            TestHttp.Answer right = remote.withAdminToken(ADMIN_TOKEN).get("/clock");

            assertEquals(401, without.status(), without.body());
            assertEquals("unauthenticated", without.json().path("error").path("code").asText());
            assertEquals("Bearer realm=\"modelslab-emulator\"", without.header("WWW-Authenticate"));
            assertEquals(401, wrong.status(), wrong.body());
            assertEquals(200, right.status(), right.body());
        }
    }

    @Test
    void withAnAdminTokenLoopbackCallersStillNeedNone() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withAdminToken(ADMIN_TOKEN))) {
            assertEquals(200, new ControlHttp(emulator.baseUrl()).get("/clock").status());
        }
    }

    @Test
    void theApiItselfAnswersCallersNotOnLoopback() {
        assumeTrue(networkAddress != null, "this machine has no network address besides loopback");
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withHost("0.0.0.0"))) {
            TestHttp.Answer balance = new TestHttp(remote(emulator), emulator.defaultToken()).get("/wallet/balance");

            assertEquals(200, balance.status(), balance.body());
        }
    }

    private static String remote(Emulator emulator) {
        return "http://" + networkAddress + ":" + emulator.server().port();
    }

    private static Optional<String> ownNetworkAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
