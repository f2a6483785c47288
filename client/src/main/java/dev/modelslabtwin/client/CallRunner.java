package dev.modelslabtwin.client;

import dev.modelslabtwin.client.invoker.ApiException;
import dev.modelslabtwin.client.invoker.ApiResponse;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one generated call under the retry policy and hands back the envelope's {@code data}.
 *
 * <p>What may be repeated decides everything: a 429 is always retried (the server did not act), but a
 * 5xx or a lost connection only when repeating cannot act twice, that is for reads and for mutations
 * that carry an {@code Idempotency-Key}. Keyed mutations get a generated key when the caller gave none,
 * and every retry of the call sends that same key.
 */
final class CallRunner {

    /** A generated call without an idempotency key. */
    @FunctionalInterface
    interface Call<R> {
        ApiResponse<R> send() throws ApiException;
    }

    /** A generated call that takes an {@code Idempotency-Key}. */
    @FunctionalInterface
    interface KeyedCall<R> {
        ApiResponse<R> send(String idempotencyKey) throws ApiException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final ErrorDecoder decoder;

    CallRunner(RetryPolicy policy, Sleeper sleeper, ErrorDecoder decoder) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.decoder = decoder;
    }

    /** A GET: always safe to repeat. */
    <R, T> T read(String operation, Call<R> call, Function<R, T> data) {
        return unwrap(operation, execute(operation, true, call), data);
    }

    /** A mutation the contract makes idempotent with a key; {@code idempotencyKey} null means generate one. */
    <R, T> T keyedWrite(String operation, String idempotencyKey, KeyedCall<R> call, Function<R, T> data) {
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? IdempotencyKeys.generate(operation)
                : idempotencyKey;
        return unwrap(operation, execute(operation, true, () -> call.send(key)), data);
    }

    /** A mutation without a key (auth calls): repeated only when the server certainly did not act (429). */
    <R, T> T unkeyedWrite(String operation, Call<R> call, Function<R, T> data) {
        return unwrap(operation, execute(operation, false, call), data);
    }

    private <R> ApiResponse<R> execute(String operation, boolean repeatable, Call<R> call) {
        for (int retry = 1; ; retry++) {
            ModelsLabException failure;
            try {
                return call.send();
            } catch (ApiException e) {
                failure = decoder.decode(operation, e);
            }
            Optional<Duration> delay = delayBeforeRetry(failure, repeatable, retry);
            if (delay.isEmpty()) {
                throw failure;
            }
            pause(operation, delay.get(), failure);
        }
    }

    /** The wait before retry number {@code retry}, or empty to give up with the failure. */
    private Optional<Duration> delayBeforeRetry(ModelsLabException failure, boolean repeatable, int retry) {
        if (failure.status() == 429) {
            Optional<Duration> asked = failure.retryAfter();
            if (asked.isPresent() && asked.get().compareTo(policy.maxRetryAfter()) > 0) {
                return Optional.empty();
            }
            return retry > policy.maxRetries() ? Optional.empty() : Optional.of(asked.orElseGet(() -> policy.backoff(retry)));
        }
        boolean transientFailure = failure.status() >= 500 || failure.isNetworkError();
        if (!transientFailure || !repeatable || retry > policy.maxRetries()) {
            return Optional.empty();
        }
        return Optional.of(policy.backoff(retry));
    }

    private void pause(String operation, Duration delay, ModelsLabException lastFailure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ModelsLabException interrupted = new ModelsLabException(0, ErrorDecoder.INTERRUPTED,
                    operation + " was interrupted while waiting to retry", null, null, null, e);
            interrupted.addSuppressed(lastFailure);
            throw interrupted;
        }
    }

    private static <R, T> T unwrap(String operation, ApiResponse<R> response, Function<R, T> data) {
        R body = response.getData();
        T value = body == null ? null : data.apply(body);
        if (value == null) {
            throw new ModelsLabException(response.getStatusCode(), ErrorDecoder.INVALID_RESPONSE,
                    operation + " answered " + response.getStatusCode() + " without data", null, null, null, null);
        }
        return value;
    }
}
