package dev.modelslabtwin.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.modelslabtwin.emulator.admin.ControlApi;
import dev.modelslabtwin.emulator.admin.ControlDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the control API for tests: every answer is held to the control API's own document
 * (status declared for the operation, body on its schema), as {@link TestHttp} holds API answers to
 * the contract.
 */
public final class ControlHttp {

    private static final OpenApiInteractionValidator VALIDATOR = ControlDocument.load().validatorBuilder().build();

    private final TestHttp http;
    private final Map<String, String> headers;

    public ControlHttp(String baseUrl) {
        this(baseUrl, Map.of());
    }

    private ControlHttp(String baseUrl, Map<String, String> headers) {
        this.http = new TestHttp(baseUrl);
        this.headers = headers;
    }

    /** The same client sending {@code Authorization: Bearer adminToken}. */
    public ControlHttp withAdminToken(String adminToken) {
        return new ControlHttp(http.baseUrl(), Map.of("Authorization", "Bearer " + adminToken));
    }

    public TestHttp.Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    public TestHttp.Answer post(String path, String jsonBody) {
        return send("POST", path, jsonBody, Map.of());
    }

    public TestHttp.Answer put(String path, String jsonBody) {
        return send("PUT", path, jsonBody, Map.of());
    }

    public TestHttp.Answer delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** A POST or PUT of a YAML document. */
    public TestHttp.Answer sendYaml(String method, String path, String yaml) {
        return send(method, path, yaml, Map.of("Content-Type", "application/yaml"));
    }

    public TestHttp.Answer send(String method, String path, String body, Map<String, String> extraHeaders) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extraHeaders);
        TestHttp.Answer answer = http.sendToRoot(method, ControlApi.PREFIX + path, body, all);
        List<String> violations = violations(method, path, answer);
        if (!violations.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + answer.status()
                    + " outside the control API's document: " + violations + "\n" + answer.body());
        }
        return answer;
    }

    private static List<String> violations(String method, String path, TestHttp.Answer answer) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
        answer.headers().forEach(response::withHeader);
        ValidationReport report = VALIDATOR.validateResponse(ControlApi.PREFIX + pathOnly, Request.Method.valueOf(method),
                response.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
