package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.client.model.TokenExpiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long a token lives for each {@code token_expiry} value; {@code never} has no end. */
public final class TokenLifetime {

    private TokenLifetime() {
    }

    public static Optional<Duration> of(TokenExpiry expiry) {
        return switch (expiry) {
            case _1_WEEK -> Optional.of(Duration.ofDays(7));
            case _1_MONTH -> Optional.of(Duration.ofDays(30));
            case _3_MONTHS -> Optional.of(Duration.ofDays(90));
            case _6_MONTHS -> Optional.of(Duration.ofDays(180));
            case _1_YEAR -> Optional.of(Duration.ofDays(365));
            case NEVER -> Optional.empty();
            default -> throw new IllegalArgumentException("unknown token expiry " + expiry);
        };
    }

    /** When a token issued at {@code issuedAt} with {@code expiry} stops working, or null for never. */
    public static Instant expiresAt(TokenExpiry expiry, Instant issuedAt) {
        return of(expiry).map(issuedAt::plus).orElse(null);
    }
}
