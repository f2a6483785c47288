package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every control operation, sent odd bodies, ids and queries, answers a 4xx in the envelope: never a 5xx. */
class NoControlMistakeIsAServerErrorTest extends ResetBeforeEachTest {

    private static final List<String> BODIES = List.of("", "{}", "[]", "\"text\"", "{not json", "null", "{\"unknown\": 1}",
            "{\"amount\": -1}", "{\"amount\": 1e400}", "{\"amount\": 0.001}", "{\"seconds\": 999999999999999}",
            "{\"duration\": \"P999999999Y\"}", "{\"duration\": \"PT999999999999H\"}", "{\"to\": \"+999999999-12-31T23:59:59Z\"}",
            "{\"to\": \"yesterday\"}", "{\"type\": \"error\", \"status\": 999, \"operation_id\": \"fundWallet\"}",
            "{\"type\": \"latency\", \"latency_ms\": -5, \"path\": \"wallet\"}", "{\"accounts\": [{\"email\": null}]}",
            "{\"accounts\": [{\"email\": \"x@example.com\", \"token\": {\"secret\": \"short\"}}]}",
            "{\"plans\": [{\"id\": 1}]}", "{\"scopes\": [\"*\", 42]}", "{\"outcome\": \"maybe\"}",
            "{\"payment_method\": \"pm_card_nothing\"}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
    private static final List<String> IDS = List.of("abc", "-1", "0", "99999999999999999999", "flt_abc", "%20");
    private static final List<String> QUERIES = List.of("?limit=0", "?limit=x", "?since=garbage", "?status=abc",
            "?account_id=x", "?path=nope", "?method=BREW", "?email=");

    @Test
    void oddRequestsToEveryControlOperationAreClientErrorsNeverServerErrors() {
        TestHttp http = new TestHttp(emu.emulator().baseUrl());
        List<String> failures = new ArrayList<>();
        for (ControlDocument.Operation operation : ControlDocument.load().operations()) {
            List<String> paths = operation.path().contains("{id}")
                    ? IDS.stream().map(id -> operation.path().replace("{id}", id)).toList()
                    : QUERIES.stream().map(query -> operation.path() + query).toList();
            for (String path : paths) {
                for (String body : operation.method().equals("GET") || operation.method().equals("DELETE") ? List.of("") : BODIES) {
                    for (String contentType : body.isEmpty() || !path.startsWith("/seed") ? List.of("application/json")
                            : List.of("application/json", "application/yaml")) {
                        TestHttp.Answer answer = http.sendToRoot(operation.method(), ControlApi.PREFIX + path,
                                body.isEmpty() ? null : body, Map.of("Content-Type", contentType));
                        if (answer.status() >= 500 || (answer.status() >= 400 && !answer.body().contains("\"error\":{\"code\""))) {
                            failures.add(operation.method() + " " + path + " [" + contentType + "] " + body + " -> "
                                    + answer.status() + " " + answer.body());
                        }
                    }
                }
            }
        }

        assertTrue(failures.isEmpty(), failures.size() + " odd requests were not answered as client errors:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }
}
