package dev.modelslabtwin.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The data an emulator starts with (its built-in seed, {@code seed/default.json} in the emulator jar):
 * the reseller account and the coupons a live account would have to be told about. A remote emulator
 * started with another seed file makes these checks fail loudly, not pass quietly.
 */
public final class EmulatorSeed {

    private static final JsonNode SEED = read();

    private EmulatorSeed() {
    }

    private static JsonNode read() {
        try (InputStream in = EmulatorSeed.class.getClassLoader().getResourceAsStream("seed/default.json")) {
            if (in == null) {
                throw new IllegalStateException("seed/default.json is not on the classpath: the emulator module provides it");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seeded account that may withdraw: its email and password. */
    public static Accounts.Account reseller() {
        JsonNode account = StreamSupport.stream(SEED.path("accounts").spliterator(), false)
                .filter(a -> a.path("reseller").asBoolean()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the emulator's seed has no reseller account"));
        return new Accounts.Account(-1, account.path("email").asText(), account.path("password").asText(), null);
    }

    /** The first seeded coupon of {@code kind} ({@code credit}, {@code percent}, {@code bonus}) that has or lacks an expiry. */
    public static Optional<JsonNode> coupon(String kind, boolean expired) {
        return StreamSupport.stream(SEED.path("coupons").spliterator(), false)
                .filter(c -> c.path("kind").asText().equals(kind) && c.hasNonNull("expires_at") == expired)
                .findFirst();
    }
}
