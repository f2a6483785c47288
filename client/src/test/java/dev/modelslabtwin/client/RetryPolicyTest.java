package dev.modelslabtwin.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350), Duration.ofSeconds(30));

    @Test
    void backoffStaysWithinTheExponentialDelayOfEachRetry() {
        for (int i = 0; i < 200; i++) {
            assertTrue(policy.backoff(1).toMillis() <= 100);
            assertTrue(policy.backoff(2).toMillis() <= 200);
            assertTrue(policy.backoff(3).toMillis() <= 350);
        }
    }

    @Test
    void backoffNeverExceedsTheCapHoweverManyRetries() {
        for (int retry = 1; retry <= 64; retry++) {
            Duration delay = policy.backoff(retry);
            assertTrue(!delay.isNegative() && delay.toMillis() <= 350, "retry " + retry + " waited " + delay);
        }
    }

    @Test
    void noneNeverWaits() {
        assertEquals(0, RetryPolicy.NONE.maxRetries());
        assertEquals(Duration.ZERO, RetryPolicy.NONE.backoff(1));
    }

    @Test
    void negativeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO));
        assertThrows(NullPointerException.class,
                () -> new RetryPolicy(1, Duration.ZERO, null, Duration.ZERO));
    }
}
