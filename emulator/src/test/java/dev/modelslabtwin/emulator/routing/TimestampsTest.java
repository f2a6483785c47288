package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every time the API answers is UTC to the whole second, 2026-03-21T09:30:00Z, as every documented example. */
class TimestampsTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static final Pattern A_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern WHOLE_SECONDS_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private static void collectTimes(JsonNode node, List<String> times) {
        if (node.isTextual() && A_TIME.matcher(node.asText()).matches()) {
            times.add(node.asText());
        }
        node.forEach(child -> collectTimes(child, times));
    }

    @Test
    void everyTimeInTheAnswersIsUtcToTheWholeSecond() {
        TestHttp http = emu.http();
        http.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"pm_card_visa\"}");
        List<TestHttp.Answer> answers = List.of(
                emu.as(null).post("/auth/login", "{\"email\": \"agent@example.com\", \"password\": \"password\", \"token_expiry\": \"1_week\"}"),
                http.get("/auth/tokens"),
                http.get("/wallet/transactions"),
                http.get("/billing/invoices"),
                http.post("/billing/payment-link", "{\"purpose\": \"fund\", \"amount\": 25}"));

        List<String> times = new ArrayList<>();
        answers.forEach(answer -> collectTimes(answer.json(), times));

        assertTrue(times.size() >= 8, times.toString());
        times.forEach(time -> assertTrue(WHOLE_SECONDS_UTC.matcher(time).matches(), time));
    }

    @Test
    void theLoginExampleOfTheDocsHasTheShapeTheEmulatorAnswers() {
        String expiresAt = emu.as(null).post("/auth/login", "{\"email\": \"agent@example.com\", \"password\": \"password\"}")
                .json().path("data").path("expires_at").asText();

        assertEquals("2026-03-21T09:30:00Z".length(), expiresAt.length(), expiresAt);
    }
}
