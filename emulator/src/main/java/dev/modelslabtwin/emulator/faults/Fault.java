package dev.modelslabtwin.emulator.faults;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * One injected fault: which API requests it hits (an operation, or a method and path pattern), what it
 * does to them (latency, an error answer, a 429, a dropped connection) and how often (every time, N
 * times, with a probability). Counts what it did so a test can see whether it fired.
 */
public final class Fault {

    /** What happens to a request the fault hits. */
    public enum Type {
        /** Waits {@code latency_ms}, then the request is served normally. */
        LATENCY,
        /** Answers {@code status} with {@code code} in the API's error envelope; nothing runs. */
        ERROR,
        /** Answers 429 {@code rate_limited} with {@code Retry-After}; nothing runs. */
        RATE_LIMIT,
        /** Closes the connection without an answer; nothing runs. */
        DROP_CONNECTION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type named {@code latency}, {@code error}, {@code rate_limit} or {@code drop_connection}; null otherwise. */
        public static Type fromWireName(String name) {
            for (Type type : values()) {
                if (type.wireName().equals(name)) {
                    return type;
                }
            }
            return null;
        }
    }

    /**
     * What a fault is asked to be. Targets: {@code operationId}, or {@code path} (a pattern relative to the
     * API base, {@code {name}} or {@code *} for one path segment, {@code **} for any rest) with an optional
     * {@code method}. {@code times} null means until removed; {@code seed} makes the probability draws repeatable.
     */
    public record Spec(String operationId, String method, String path, Type type, Integer status, String code,
                       String message, Map<String, Object> details, Long retryAfterSeconds, long latencyMs,
                       Integer times, double probability, Long seed) {

        /** Every request of the operation answers {@code status} with {@code code}. */
        public static Spec error(String operationId, int status, String code) {
            return new Spec(operationId, null, null, Type.ERROR, status, code, null, null, null, 0, null, 1.0, null);
        }

        /** Every request of the operation answers 429 {@code rate_limited} with {@code Retry-After}. */
        public static Spec rateLimit(String operationId, long retryAfterSeconds) {
            return new Spec(operationId, null, null, Type.RATE_LIMIT, null, null, null, null, retryAfterSeconds, 0, null,
                    1.0, null);
        }

        /** Every request of the operation loses its connection. */
        public static Spec dropConnection(String operationId) {
            return new Spec(operationId, null, null, Type.DROP_CONNECTION, null, null, null, null, null, 0, null, 1.0, null);
        }

        /** Every request of the operation waits {@code millis} before it is served. */
        public static Spec latency(String operationId, long millis) {
            return new Spec(operationId, null, null, Type.LATENCY, null, null, null, null, null, millis, null, 1.0, null);
        }

        /** The same fault, for the next {@code count} requests it hits only. */
        public Spec times(int count) {
            return new Spec(operationId, method, path, type, status, code, message, details, retryAfterSeconds, latencyMs,
                    count, probability, seed);
        }

        /** The same fault, hitting each request with {@code chance}; {@code randomSeed} (nullable) repeats the draws. */
        public Spec probability(double chance, Long randomSeed) {
            return new Spec(operationId, method, path, type, status, code, message, details, retryAfterSeconds, latencyMs,
                    times, chance, randomSeed);
        }

        /** Each mistake in the spec by field name; empty when it describes a fault that can act. */
        public Map<String, String> problems() {
            Map<String, String> problems = new LinkedHashMap<>();
            boolean byOperation = operationId != null;
            boolean byPath = path != null;
            if (byOperation == byPath) {
                problems.put("operation_id", "Target one operation (operation_id) or one path pattern (path, with an optional method).");
            }
            if (byOperation && method != null) {
                problems.put("method", "An operation_id names the method already; send method only with path.");
            }
            if (byPath && !path.startsWith("/")) {
                problems.put("path", "The path pattern starts with /, e.g. /wallet/fund or /billing/**.");
            }
            if (type == null) {
                problems.put("type", "The type must be latency, error, rate_limit or drop_connection.");
            } else if (type == Type.ERROR && (status == null || status < 400 || status > 599)) {
                problems.put("status", "An error fault needs a status from 400 to 599.");
            } else if (type == Type.LATENCY && latencyMs <= 0) {
                problems.put("latency_ms", "A latency fault needs latency_ms greater than 0.");
            }
            if (type != Type.ERROR && (status != null || code != null || message != null || details != null)) {
                problems.put("status", "status, code, message and details belong to error faults only.");
            }
            if (times != null && times < 1) {
                problems.put("times", "times is at least 1; leave it out for a fault that lasts until removed.");
            }
            if (!(probability > 0 && probability <= 1)) {
                problems.put("probability", "The probability is greater than 0 and at most 1.");
            }
            return problems;
        }
    }

    private final String id;
    private final Spec spec;
    private final Pattern pathPattern;
    private final AtomicInteger remaining;
    private final AtomicLong injected = new AtomicLong();
    private final Random random;
    private final Instant createdAt;

    Fault(String id, Spec spec, String basePath, Instant createdAt) {
        this.id = id;
        this.spec = spec;
        this.pathPattern = spec.path() == null ? null : PathPatterns.compile(spec.path(), basePath);
        this.remaining = spec.times() == null ? null : new AtomicInteger(spec.times());
        this.random = spec.seed() == null ? new Random() : new Random(spec.seed());
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public Spec spec() {
        return spec;
    }

    /** How many more times it will fire, or null when it lasts until removed. */
    public Integer remaining() {
        return remaining == null ? null : remaining.get();
    }

    /** How many requests it hit so far. */
    public long injected() {
        return injected.get();
    }

    public Instant createdAt() {
        return createdAt;
    }

    boolean targets(String operationId, String method, String relativePath) {
        if (spec.operationId() != null) {
            return spec.operationId().equals(operationId);
        }
        return (spec.method() == null || spec.method().equalsIgnoreCase(method)) && pathPattern.matcher(relativePath).matches();
    }

    /** Draws whether this request is hit and, when it is, uses up one of its times; false once used up. */
    boolean fire() {
        if (spec.probability() < 1) {
            synchronized (random) {
                if (random.nextDouble() >= spec.probability()) {
                    return false;
                }
            }
        }
        if (remaining != null && remaining.getAndUpdate(left -> left > 0 ? left - 1 : 0) == 0) {
            return false;
        }
        injected.incrementAndGet();
        return true;
    }

    boolean usedUp() {
        return remaining != null && remaining.get() == 0;
    }
}
