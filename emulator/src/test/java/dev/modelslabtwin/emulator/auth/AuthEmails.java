package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the tests of signup, verification and password resets share: a fresh address, signing up with it. */
final class AuthEmails {

    static final String PASSWORD = "secret123";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private AuthEmails() {
    }

    static String freshAddress(String prefix) {
        return prefix + "-" + ADDRESSES.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }

    /** Signs up a new, unverified account with {@link #PASSWORD}; its address. */
    static String signUp(TestEmulator emu, String prefix) {
        String email = freshAddress(prefix);
        TestHttp.Answer answer = emu.as(null).post("/auth/signup",
                "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"New Agent\"}");
        assertEquals(201, answer.status(), answer.body());
        return email;
    }

    /** Signs up and verifies through the code the verification email carries; the address. */
    static String verifiedAccount(TestEmulator emu, String prefix) {
        String email = signUp(emu, prefix);
        TestHttp.Answer verified = emu.as(null).post("/auth/verify-email",
                "{\"verification_code\": \"" + emu.mailTo(email).verificationCode() + "\"}");
        assertEquals(200, verified.status(), verified.body());
        return email;
    }

    static TestHttp.Answer login(TestEmulator emu, String email, String password) {
        return emu.as(null).post("/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }
}
