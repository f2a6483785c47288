package dev.modelslabtwin.emulator.journal;

import dev.modelslabtwin.emulator.CapturedErr;
import dev.modelslabtwin.emulator.ControlHttp;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-request log line, read from what the emulator really writes to standard error. */
class RequestLogTest {

    private static final Pattern LINE = Pattern.compile(
            ".* INFO " + Pattern.quote(Traffic.LOGGER) + " - (GET|POST|PUT|DELETE) (/\\S*) (\\d{3}|dropped) \\d+ms request_id=(\\S+).*");

    @Test
    void everyRequestGetsOneLineWithMethodPathStatusDurationAndRequestIdAndNoSecret() throws Exception {
        List<String> lines;
        String token;
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withRequestLog(true));
             CapturedErr err = CapturedErr.start()) {
            token = emulator.defaultToken();
            TestHttp http = new TestHttp(emulator.baseUrl(), token);
            TestHttp.Answer balance = http.get("/wallet/balance");
            http.post("/wallet/fund", "{\"amount\": 25, \"number\": \"4242424242424242\", \"cvc\": \"987\"}");
            new TestHttp(emulator.baseUrl(), null).post("/auth/login",
                    "{\"email\": \"agent@example.com\", \"password\": \"password-in-the-log?\"}");
            new ControlHttp(emulator.baseUrl()).get("/clock");
            new TestHttp(emulator.baseUrl()).sendToRoot("GET", "/docs/", null, Map.of());

            lines = err.linesOf(Traffic.LOGGER, 5);
            assertTrue(lines.get(0).contains("request_id=" + balance.header("X-Request-Id")), lines.get(0));
        }

        assertEquals(5, lines.size(), String.join("\n", lines));
        List<String> expected = List.of("GET /api/agents/v1/wallet/balance 200", "POST /api/agents/v1/wallet/fund 422",
                "POST /api/agents/v1/auth/login 401", "GET /_emulator/clock 200", "GET /docs/ 200");
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(LINE.matcher(lines.get(i)).matches(), "not a request line: " + lines.get(i));
            assertTrue(lines.get(i).contains(" - " + expected.get(i) + " "), lines.get(i));
        }
        String log = String.join("\n", lines);
        String secret = token.substring(token.indexOf('|') + 1);
        for (String leak : new String[] {secret, "4242424242424242", "cvc", "password-in-the-log?"}) {
            assertFalse(log.contains(leak), "the log shows " + leak + ":\n" + log);
        }
        assertTrue(lines.get(0).contains("auth=\"Bearer 1|****\""), lines.get(0));
    }

    @Test
    void theRequestLogCanBeTurnedOff() throws Exception {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withRequestLog(false));
             CapturedErr err = CapturedErr.start()) {
            new TestHttp(emulator.baseUrl(), emulator.defaultToken()).get("/wallet/balance");
            Thread.sleep(200);

            assertEquals(List.of(), err.linesOf(Traffic.LOGGER, 0));
        }
    }
}
