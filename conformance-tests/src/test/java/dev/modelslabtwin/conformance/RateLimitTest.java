package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.ContractIndex;
import dev.modelslabtwin.conformance.support.ContractOperation;
import dev.modelslabtwin.conformance.support.Exchanges;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every limiter of the contract ({@code x-rate-limiters}) admits its quota a minute, counting
 * {@code X-RateLimit-Remaining} down, then refuses with 429 {@code rate_limited} and {@code Retry-After}.
 * Each is probed through an operation that changes nothing: a read (the public scope catalogue for
 * {@code agent-general}), or a body the target must refuse anyway, in a window of its own (a fresh
 * token; for limiters keyed by email, a fresh email). The
 * in-process emulator runs with its limits lifted; each check puts the contract's back while it runs.
 */
@ConformanceCheck
class RateLimitTest {

    /** What each limiter's check verifies: this method's {@code @Verifies}, recorded per limiter. */
    private static final List<String> VERIFIED = Verifies.Of.method(RateLimitTest.class, "eachLimiterRefusesWithRetryAfterOnceItsQuotaIsSpent");

    private final Target target = Target.current();

    @TestFactory
    @Verifies({"rate-limit.headers", "rate-limit.limit-header-and-reset-time", "rate-limit.quota-then-429"})
    Stream<DynamicTest> eachLimiterRefusesWithRetryAfterOnceItsQuotaIsSpent() {
        ContractIndex contract = ContractIndex.get();
        return contract.rateLimits().entrySet().stream().map(limiter -> DynamicTest.dynamicTest(
                limiter.getKey() + " admits " + limiter.getValue() + " requests a minute",
                () -> Exchanges.global().verifying(VERIFIED, () -> withContractLimit(limiter.getKey(), limiter.getValue(),
                        () -> countDown(limiter.getValue(), probe(contract, limiter.getKey()))))));
    }

    @Test
    @Verifies({"rate-limit.headers", "rate-limit.limit-header-and-reset-time"})
    void everyAnswerSaysHowManyRequestsAreLeftAndWhenTheWindowResets() {
        Answer answer = target.api().as(target.accounts().own().token()).get("/wallet/balance").expect(200);
        long now = System.currentTimeMillis() / 1000;

        long limit = header(answer, "X-RateLimit-Limit");
        long remaining = header(answer, "X-RateLimit-Remaining");
        long reset = header(answer, "X-RateLimit-Reset");

        assertTrue(remaining >= 0 && remaining < limit, "remaining " + remaining + " of " + limit);
        assertTrue(reset >= now - 5 && reset <= now + 65, "X-RateLimit-Reset is the Unix second the minute's window ends, "
                + "not " + reset + " (now " + now + ")");
    }

    private static long header(Answer answer, String name) {
        String value = answer.header(name);
        assertTrue(value != null && value.matches("\\d+"), answer.request() + " sends " + name + " as a number, not " + value);
        return Long.parseLong(value);
    }

    private Void countDown(int perMinute, Supplier<Api.Call> probe) {
        int previous = -1;
        for (int sent = 0; sent <= perMinute; sent++) {
            Answer answer = probe.get().expectingRateLimits().send();
            assertEquals(Integer.toString(perMinute), answer.header("X-RateLimit-Limit"), answer.request());
            int remaining = Integer.parseInt(answer.header("X-RateLimit-Remaining"));
            if (answer.status() == 429) {
                answer.expectError(429, "rate_limited");
                assertEquals(perMinute, sent, "refused only once the quota is spent");
                assertEquals(0, remaining);
                long retryAfter = Long.parseLong(answer.header("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
                return null;
            }
            assertEquals(perMinute - sent - 1, remaining, "each admitted request counts once: " + answer.request());
            previous = remaining;
        }
        return fail("admitted " + (perMinute + 1) + " requests in a minute; the last said remaining " + previous);
    }

    /**
     * Requests counted by {@code limiter} that change nothing, in a window no other check shares: a read
     * (public ones first, sent with a fresh token so the window is its own), else a call sent a body it
     * must refuse (public ones with a fresh email, for limiters keyed by email; others with a fresh token).
     */
    private Supplier<Api.Call> probe(ContractIndex contract, String limiter) {
        ContractOperation operation = contract.operations().stream()
                .filter(o -> limiter.equals(o.rateLimiter()) && !o.path().contains("{") && (o.method().equals("GET") || o.bodyRequired()))
                .min(Comparator.comparing((ContractOperation o) -> !o.method().equals("GET")).thenComparing(ContractOperation::secured))
                .orElseThrow(() -> new IllegalStateException("no operation to probe " + limiter + " with"));
        if (operation.method().equals("GET") || operation.secured()) {
            Api api = target.api().as(target.accounts().fresh().token()).rejectingInput();
            return () -> {
                Api.Call call = api.call(operation.method(), operation.path());
                return operation.takesBody() ? call.body("{}") : call;
            };
        }
        String email = Accounts.uniqueEmail("throttled");
        Api api = target.api().withoutToken().rejectingInput();
        return () -> api.call(operation.method(), operation.path()).body(Json.object("email", email));
    }

    private void withContractLimit(String limiter, int perMinute, Supplier<Void> check) {
        target.assumeEmulator("exhausting a limiter would throttle your own calls to the live API for a minute");
        target.inProcessEmulator().ifPresent(e -> e.server().rateLimiter().setLimit(limiter, perMinute));
        try {
            check.get();
        } finally {
            target.inProcessEmulator().ifPresent(e -> e.server().rateLimiter().setLimit(limiter, Integer.MAX_VALUE));
        }
    }
}
