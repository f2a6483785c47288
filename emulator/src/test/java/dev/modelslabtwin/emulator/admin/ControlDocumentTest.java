package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.lint.ExampleValidator;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control API's own OpenAPI document: clean, honest examples, served, and the control API serves exactly it. */
class ControlDocumentTest extends ResetBeforeEachTest {

    private static final ControlDocument DOCUMENT = ControlDocument.load();

    @Test
    void itIsAnOpenApi303DocumentSwaggerParserReadsWithoutAnyMessage() {
        SwaggerParseResult parsed = Contract.parse(DOCUMENT.yaml());

        assertTrue(parsed.getMessages().isEmpty(), parsed.getMessages().toString());
        assertEquals("3.0.3", parsed.getOpenAPI().getOpenapi());
    }

    @Test
    void everyExampleInItValidatesAgainstItsSchema() {
        ExampleValidator.Report report = ExampleValidator.validate(DOCUMENT.tree());

        assertTrue(report.violations().isEmpty(), String.join("\n", report.violations()));
        assertTrue(report.examplesChecked() >= 15, "examples checked: " + report.examplesChecked());
    }

    @Test
    void everyOperationHasAUniqueOperationIdASummaryADescriptionAndATag() {
        Set<String> ids = new HashSet<>();
        DOCUMENT.tree().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertTrue(ids.add(operation.path("operationId").asText()), "duplicate operationId at " + where);
            assertTrue(operation.path("summary").isTextual(), "no summary: " + where);
            assertTrue(operation.path("description").isTextual(), "no description: " + where);
            assertEquals(1, operation.path("tags").size(), "one tag: " + where);
            assertTrue(operation.path("responses").has("403"), "loopback refusal undocumented: " + where);
        }));
        assertEquals(DOCUMENT.operations().size(), ids.size());
    }

    @Test
    void everyOperationOfTheDocumentIsServed() {
        for (ControlDocument.Operation operation : DOCUMENT.operations()) {
            String path = operation.path().replace("{id}", operation.path().startsWith("/faults") ? "flt_999" : "999999");
            TestHttp.Answer answer = new TestHttp(emu.emulator().baseUrl()).sendToRoot(operation.method(),
                    ControlApi.PREFIX + path, operation.method().equals("GET") || operation.method().equals("DELETE") ? null : "{}",
                    Map.of());

            assertFalse(answer.body().contains("route_not_found"), operation + " is not routed");
            assertTrue(answer.status() < 500, operation + " answered " + answer.status() + ": " + answer.body());
        }
    }

    @Test
    void theEmulatorServesTheDocumentAsYamlAndJson() throws Exception {
        TestHttp.Answer yaml = control.get("/openapi.yaml");
        TestHttp.Answer json = control.get("/openapi.json");

        assertEquals(200, yaml.status());
        assertTrue(yaml.header("Content-Type").startsWith("application/yaml"), yaml.header("Content-Type"));
        assertEquals(DOCUMENT.yaml(), yaml.body());
        assertEquals(200, json.status());
        assertEquals(DOCUMENT.tree(), new ObjectMapper().readTree(json.body()));
    }

    @Test
    void theDocumentIsBrowsableOfflineAtDocs() {
        TestHttp.Answer page = control.get("/docs");
        TestHttp.Answer script = new TestHttp(emu.emulator().baseUrl()).sendToRoot("GET", DocumentationRoutes.REDOC_PATH, null, Map.of());

        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"" + DocumentationRoutes.REDOC_PATH + "\"></script>"));
        assertTrue(page.body().contains("\"operationId\":\"advanceClock\""), "the document is inlined");
        assertEquals(200, script.status());
        assertTrue(script.body().length() > 100_000, "the Redoc bundle is served from the jar");
    }
}
