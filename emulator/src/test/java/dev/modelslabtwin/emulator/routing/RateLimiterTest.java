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
    private final RateLimiter limiter = new RateLimiter(clock, Map.of("agent-billing", 2));

    @Test
    void requestsWithinTheLimitAreAllowedAndCountDown() {
        assertEquals(1, limiter.acquire("agent-billing", "ip|token").remaining());
        assertEquals(0, limiter.acquire("agent-billing", "ip|token").remaining());
    }

    @Test
    void theRequestOverTheLimitIsRefusedWithTheSecondsLeftInTheWindow() {
        limiter.acquire("agent-billing", "ip|token");
        clock.advance(Duration.ofSeconds(20));
        limiter.acquire("agent-billing", "ip|token");

        RateLimiter.Decision refused = limiter.acquire("agent-billing", "ip|token");

        assertFalse(refused.allowed());
        assertEquals(40, refused.retryAfterSeconds());
        assertEquals(Instant.parse("2026-02-20T10:01:00Z").getEpochSecond(), refused.resetEpochSeconds());
    }

    @Test
    void aNewWindowStartsAfterAMinute() {
        limiter.acquire("agent-billing", "ip|token");
        limiter.acquire("agent-billing", "ip|token");
        clock.advance(Duration.ofSeconds(60));

        assertTrue(limiter.acquire("agent-billing", "ip|token").allowed());
    }

    @Test
    void differentClientsHaveSeparateWindows() {
        limiter.acquire("agent-billing", "ip|a");
        limiter.acquire("agent-billing", "ip|a");

        assertTrue(limiter.acquire("agent-billing", "ip|b").allowed());
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
