package dev.modelslabtwin.emulator.routing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-20T10:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(clock, Map.of("a-limiter", 2));

    @Test
    void requestsWithinTheLimitAreAllowedAndCountDown() {
        assertEquals(1, limiter.acquire("a-limiter", "ip|token").remaining());
        assertEquals(0, limiter.acquire("a-limiter", "ip|token").remaining());
    }

    @Test
    void theRequestOverTheLimitIsRefusedWithTheSecondsLeftInTheWindow() {
        limiter.acquire("a-limiter", "ip|token");
        clock.advance(Duration.ofSeconds(20));
        limiter.acquire("a-limiter", "ip|token");

        RateLimiter.Decision refused = limiter.acquire("a-limiter", "ip|token");

        assertFalse(refused.allowed());
        assertEquals(40, refused.retryAfterSeconds());
        assertEquals(Instant.parse("2026-02-20T10:01:00Z").getEpochSecond(), refused.resetEpochSeconds());
    }

    @Test
    void aNewWindowStartsAfterAMinute() {
        limiter.acquire("a-limiter", "ip|token");
        limiter.acquire("a-limiter", "ip|token");
        clock.advance(Duration.ofSeconds(60));

        assertTrue(limiter.acquire("a-limiter", "ip|token").allowed());
    }

    @Test
    void differentClientsHaveSeparateWindows() {
        limiter.acquire("a-limiter", "ip|a");
        limiter.acquire("a-limiter", "ip|a");

        assertTrue(limiter.acquire("a-limiter", "ip|b").allowed());
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
