package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.ContractResponseValidator;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the contract, sent a few hundred hostile variants of its own example request
 * ({@link HostileRequests}, from a fixed seed, over raw sockets so nothing is cleaned up on the way):
 * none gets a 5xx, every one is answered in the API's envelope (refusals with an error code and the
 * request id also in {@code X-Request-Id}), routed answers keep the contract, bodies over 64 KiB are
 * refused with 413 {@code payload_too_large} and headers over 8 KiB with 431. At least 10,000 requests.
 */
class HostileInputTest {

    static final long SEED = 0x5EED_2026L;
    static final int REQUESTS_PER_OPERATION = 230;
    static final int THREADS = 4;

    @RegisterExtension
    static final TestEmulator emulator = TestEmulator.shared();
    private static RawHttp raw;
    private static ExecutorService pool;
    private static final AtomicLong sent = new AtomicLong();
    private static final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private static long began;

    @BeforeAll
    static void start() {
        raw = new RawHttp(emulator.emulator().server().port());
        pool = Executors.newFixedThreadPool(THREADS);
        began = System.nanoTime();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        Figures.print("hostile input", "%d requests in %.1f s, statuses %s", sent.get(), Figures.seconds(began),
                new TreeMap<>(statuses));
        assertTrue(sent.get() >= 10_000, "at least 10,000 hostile requests, not " + sent.get());
    }

    @TestFactory
    Stream<DynamicTest> noHostileRequestGetsAServerErrorOrAnAnswerOutsideTheEnvelope() {
        List<DynamicTest> tests = new ArrayList<>();
        List<ContractExamples.Operation> operations = ContractExamples.operations();
        for (int i = 0; i < operations.size(); i++) {
            ContractExamples.Operation operation = operations.get(i);
            long seed = SEED + i;
            tests.add(DynamicTest.dynamicTest(operation.operationId(), () -> sendEvery(operation, seed)));
        }
        return tests.stream();
    }

    @Test
    void aBodyOfSixtyFourKibibytesIsReadAndOneByteMoreIsRefusedWith413() throws Exception {
        String token = freshToken(emulator.newAccount(new BigDecimal("100.00"), Set.of("*")).id());
        String prefix = "{\"amount\": 25, \"padding\": \"";
        String suffix = "\"}";
        byte[] atLimit = HostileRequests.bytes(prefix + "p".repeat(64 * 1024 - prefix.length() - suffix.length()) + suffix);
        byte[] overLimit = HostileRequests.bytes(prefix + "p".repeat(64 * 1024 + 1 - prefix.length() - suffix.length()) + suffix);
        List<byte[]> headers = List.of(HostileRequests.bytes("Authorization: Bearer " + token),
                HostileRequests.bytes("Content-Type: application/json"));

        RawHttp.Answer read = raw.send("POST", HostileRequests.bytes(ContractValidator.BASE_PATH + "/wallet/withdraw"), headers, atLimit);
        RawHttp.Answer refused = raw.send("POST", HostileRequests.bytes(ContractValidator.BASE_PATH + "/wallet/withdraw"), headers, overLimit);

        assertEquals(64 * 1024, atLimit.length);
        // Read and validated: the contract allows no padding field.
        assertEquals(422, read.status(), read.text());
        assertTrue(read.text().contains("padding"), read.text());
        assertEquals(413, refused.status(), refused.text());
        JsonNode error = Json.MAPPER.readTree(refused.body()).path("error");
        assertEquals("payload_too_large", error.path("code").asText());
        assertEquals(65536, error.path("details").path("max_bytes").asInt());
    }

    private static void sendEvery(ContractExamples.Operation operation, long seed) throws Exception {
        long accountId = emulator.newAccount(new BigDecimal("100.00"), Set.of("*")).id();
        List<HostileRequests.Case> cases = new HostileRequests(operation, seed).cases(REQUESTS_PER_OPERATION);
        List<Future<String>> answers = new ArrayList<>();
        for (HostileRequests.Case hostile : cases) {
            answers.add(pool.submit(() -> check(operation, hostile, freshToken(accountId))));
        }
        List<String> failures = new ArrayList<>();
        for (Future<String> answer : answers) {
            String failure = answer.get();
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertEquals(List.of(), ConcurrentMoneyMovementsTest.first(failures), operation.operationId());
    }

    /** Sends one case; null when its answer is as it must be, else what is wrong with it. */
    private static String check(ContractExamples.Operation operation, HostileRequests.Case hostile, String token) {
        RawHttp.Answer answer;
        try {
            answer = raw.send(hostile.method(), hostile.target(), withToken(hostile.headers(), token), hostile.body());
        } catch (Exception e) {
            return hostile.what() + ": no answer: " + e;
        }
        sent.incrementAndGet();
        statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
        String what = hostile.what() + " → " + answer.status() + " " + HostileRequests.abbreviate(answer.text());
        if (answer.status() >= 500) {
            return "server error: " + what;
        }
        if (hostile.expectedStatus() != 0 && answer.status() != hostile.expectedStatus()) {
            return "expected " + hostile.expectedStatus() + ": " + what;
        }
        if (answer.status() >= 300 && answer.status() < 400) {
            // A redirect (the verification link's browser mode) has no body: where to, and its request id.
            return answer.headers().get("location") == null || answer.headers().get("x-request-id") == null
                    ? "a redirect without Location and X-Request-Id: " + what : contractViolation(operation, hostile, answer, what);
        }
        JsonNode envelope;
        try {
            envelope = Json.MAPPER.readTree(answer.body());
        } catch (Exception notJson) {
            return "not JSON: " + what;
        }
        String requestId = envelope.path("meta").path("request_id").asText(null);
        if (requestId == null || !requestId.equals(answer.headers().get("x-request-id"))) {
            return "no request id in meta and X-Request-Id: " + what;
        }
        if (answer.status() >= 400) {
            JsonNode error = envelope.path("error");
            if (!envelope.path("data").isNull() || !error.path("code").isTextual() || error.path("code").asText().isEmpty()
                    || !error.path("message").isTextual() || !error.path("details").isObject()) {
                return "not an enveloped error: " + what;
            }
            if (answer.status() == 413 && !"payload_too_large".equals(error.path("code").asText())) {
                return "413 without payload_too_large: " + what;
            }
        } else if (!envelope.path("error").isNull() || !envelope.has("data")) {
            return "not an enveloped success: " + what;
        }
        return contractViolation(operation, hostile, answer, what);
    }

    /** How a routed answer breaks the contract (status, body, headers), or null. */
    private static String contractViolation(ContractExamples.Operation operation, HostileRequests.Case hostile,
                                            RawHttp.Answer answer, String what) {
        if (hostile.routed() && answer.status() != 431 && answer.status() != 400) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(answer.headers());
            List<String> violations = ContractResponseValidator.violations(operation.method(), operation.examplePath(),
                    new TestHttp.Answer(answer.status(), headers, answer.text()));
            if (!violations.isEmpty()) {
                return "outside the contract " + violations + ": " + what;
            }
        }
        return null;
    }

    private static String freshToken(long accountId) {
        return emulator.database().transaction(db -> AccessTokens.issue(db, accountId, "hostile", Set.of("*"),
                emulator.clock().instant(), null).plainText());
    }

    private static List<byte[]> withToken(List<byte[]> headers, String token) {
        List<byte[]> lines = new ArrayList<>(headers.size());
        for (byte[] header : headers) {
            String text = new String(header, StandardCharsets.ISO_8859_1);
            lines.add(text.contains(HostileRequests.TOKEN)
                    ? text.replace(HostileRequests.TOKEN, token).getBytes(StandardCharsets.ISO_8859_1) : header);
        }
        return lines;
    }
}
