package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.openapi.lint.ContractRules;
import dev.modelslabtwin.openapi.lint.ExampleValidator;
import dev.modelslabtwin.openapi.lint.Operations;
import dev.modelslabtwin.openapi.provenance.ProvenanceRules;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledContractTest {

    @Test
    void swaggerParserReadsTheBundleWithNoErrorsOrWarnings() {
        SwaggerParseResult result = Contract.parse(Contract.yaml());
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }

    @Test
    void theBundleHoldsEveryOperationOfTheApiAndNoOther() throws IOException {
        Set<String> actual = new TreeSet<>();
        Operations.forEach(Contract.openApi(), (method, path, item, op) -> actual.add(method + " " + path));
        assertEquals(new TreeSet<>(expectedOperations()), actual);
    }

    @Test
    void everyOperationFollowsTheHouseRules() {
        List<String> violations = ContractRules.check(Contract.openApi());
        assertEquals(List.of(), violations, () -> String.join("\n", violations));
    }

    @Test
    void everythingSaysWhereItComesFrom() throws IOException {
        List<String> violations = ProvenanceRules.check(new ObjectMapper().readTree(Contract.json()));
        assertTrue(violations.isEmpty(), () -> violations.size() + " provenance violations:\n" + String.join("\n", violations));
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() throws IOException {
        JsonNode document = new ObjectMapper().readTree(Contract.json());
        ExampleValidator.Report report = ExampleValidator.validate(document);
        assertEquals(List.of(), report.violations(), () -> String.join("\n", report.violations()));
        assertTrue(report.examplesChecked() >= Operations.count(Contract.openApi()) * 2,
                "expected examples on every request and response, checked only " + report.examplesChecked());
    }

    @Test
    void theBundleIsSelfContained() throws IOException {
        List<String> external = new ArrayList<>();
        collectRefs(new ObjectMapper().readTree(Contract.json()), external);
        external.removeIf(ref -> ref.startsWith("#/"));
        assertEquals(List.of(), external);
    }

    @Test
    void theDocumentationPageWorksOfflineFromTheBundle() throws IOException {
        String html = resource(Contract.DOCS_RESOURCE);
        assertTrue(html.contains("<script src=\"redoc.standalone.js\"></script>"));
        assertFalse(html.matches("(?s).*src=\"(https?:)?//.*"), "the page must not load anything from the network");
        assertTrue(html.contains("\"operationId\":\"fundWallet\""), "the page embeds the bundled document");
        assertTrue(html.contains("showExtensions: [\"x-provenance\"]"), "the page shows where each operation and field comes from");
        assertTrue(resource("docs/redoc.standalone.js").length() > 100_000, "Redoc's bundle ships beside the page");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static List<String> expectedOperations() throws IOException {
        return resource("expected-operations.txt").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundledContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
