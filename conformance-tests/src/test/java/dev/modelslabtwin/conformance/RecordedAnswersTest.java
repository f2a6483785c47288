package dev.modelslabtwin.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.modelslabtwin.conformance.support.ContractIndex;
import dev.modelslabtwin.conformance.support.ContractOperation;
import dev.modelslabtwin.conformance.support.Exchanges;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.openapi.Contract;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The live API's own published answers (and requests, and what the guide's code reads), copied into
 * {@code src/test/resources/recorded/}, held to the contract offline. Where one breaks it, the fixture
 * names the documented disagreement that explains it, and this test checks the explanation accounts
 * for every error: nothing is skipped quietly. Needs no target, so it runs in every profile.
 */
class RecordedAnswersTest {

    private static final String ELIDED = "...";
    private static final String FILLED = "Elided0";

    private final ContractIndex contract = ContractIndex.get();
    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
            .createForInlineApiSpecification(Contract.yaml())
            .withBasePathOverride(Contract.basePath())
            .withResolveCombinators(true)
            // The pages show bodies only: the rate-limit headers every answer carries are not in them.
            .withLevelResolver(LevelResolver.create().withLevel("validation.response.header.missing", ValidationReport.Level.IGNORE).build())
            .build();

    @TestFactory
    Stream<DynamicTest> everyPublishedExampleFitsTheContractOrADocumentedDisagreementExplainsIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : fixtures()) {
            JsonNode fixture = read(file);
            String origin = file.getFileName() + " (" + fixture.path("section").asText() + ")";
            switch (fixture.path("kind").asText()) {
                case "response", "request" -> tests.add(DynamicTest.dynamicTest(origin, () -> checkExample(fixture)));
                case "reads" -> fixture.path("reads").forEach(read -> tests.add(DynamicTest.dynamicTest(
                        file.getFileName() + " (" + read.path("section").asText() + "): " + read.path("reads").asText(),
                        () -> checkRead(read))));
                default -> fail(origin + ": unknown kind " + fixture.path("kind"));
            }
        }
        return tests.stream();
    }

    @Test
    void everyFixtureNamesItsSourceAndSection() {
        List<Path> files = fixtures();
        assertTrue(files.size() >= 20, "the recorded examples are on the classpath: " + files);
        for (Path file : files) {
            JsonNode fixture = read(file);
            assertTrue(fixture.path("source").asText().startsWith("shared/reference/0"), file + " names its source page");
            assertFalse(fixture.path("section").asText().isBlank(), file + " names its section");
        }
    }

    private void checkExample(JsonNode fixture) {
        ContractOperation operation = operation(fixture.path("operation").asText());
        boolean passed = false;
        try {
            List<String> errors = errors(fixture, fixture.path("published"));
            JsonNode explanation = fixture.path("explained_by");
            if (explanation.isMissingNode()) {
                assertTrue(errors.isEmpty(), "the published example breaks the contract, and no documented disagreement "
                        + "is given for it:\n  " + String.join("\n  ", errors));
            } else {
                String title = disagreement(explanation);
                assertFalse(errors.isEmpty(), "the fixture cites disagreement " + title + " but conforms: drop the explanation");
                assertEquals(11, explanation.path("disagreement").asInt(),
                        "only disagreement 11 (elided values) can be checked on a published example");
                List<String> left = errors(fixture, unelide(fixture.path("published")));
                assertTrue(left.isEmpty(), "disagreement " + title + " does not explain everything:\n  " + String.join("\n  ", left));
                System.out.println("explained by disagreement " + title + ": " + errors);
            }
            passed = true;
        } finally {
            Exchanges.global().check("recorded", null, operation.operationId(), passed);
        }
    }

    private void checkRead(JsonNode read) {
        ContractOperation operation = operation(read.path("operation").asText());
        boolean passed = false;
        try {
            int status = read.path("status").asInt(200);
            String path = read.path("path").asText();
            Declared declared = declared(operation, status, path);
            JsonNode explanation = read.path("explained_by");
            if (explanation.isMissingNode()) {
                assertTrue(declared != Declared.NO, operation.signature() + " " + status + " does not declare " + path
                        + ", which the guide reads with " + read.path("reads").asText());
            } else {
                String title = disagreement(explanation);
                assertEquals(Declared.NO, declared, "the read cites disagreement " + title + " but the contract declares " + path);
                assertEquals(12, explanation.path("disagreement").asInt(), "only disagreement 12 can be checked on a read");
                assertTrue(path.startsWith("data."), path);
                String onTheEnvelope = path.substring("data.".length());
                assertTrue(declared(operation, status, onTheEnvelope) != Declared.NO,
                        "disagreement " + title + " explains it only if the envelope declares " + onTheEnvelope);
            }
            passed = true;
        } finally {
            Exchanges.global().check("recorded", null, operation.operationId(), passed);
        }
    }

    private List<String> errors(JsonNode fixture, JsonNode published) {
        String path = fixture.has("path") ? fixture.path("path").asText() : fixture.path("operation").asText().split(" ", 2)[1];
        String method = fixture.path("operation").asText().split(" ", 2)[0];
        ValidationReport report;
        if (fixture.path("kind").asText().equals("response")) {
            report = validator.validateResponse(Contract.basePath() + path, Request.Method.valueOf(method),
                    SimpleResponse.Builder.status(fixture.path("status").asInt()).withContentType("application/json")
                            .withBody(Json.write(published)).build());
        } else {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, Contract.basePath() + path);
            fixture.path("headers").fields().forEachRemaining(h -> request.withHeader(h.getKey(), h.getValue().asText()));
            fixture.path("query").fields().forEachRemaining(q -> request.withQueryParam(q.getKey(), q.getValue().asText()));
            if (!published.isMissingNode()) {
                request.withContentType("application/json").withBody(Json.write(published));
            }
            report = validator.validateRequest(request.build());
        }
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    /** The published value with each elided part ({@code cs_live_...}) filled in, as disagreement 11 describes. */
    private static JsonNode unelide(JsonNode value) {
        if (value.isTextual() && value.asText().contains(ELIDED)) {
            return TextNode.valueOf(value.asText().replace(ELIDED, FILLED));
        }
        if (value.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            value.fields().forEachRemaining(f -> copy.set(f.getKey(), unelide(f.getValue())));
            return copy;
        }
        if (value.isArray()) {
            var copy = Json.MAPPER.createArrayNode();
            value.forEach(item -> copy.add(unelide(item)));
            return copy;
        }
        return value;
    }

    /** "11 (Elided values in published examples)", failing unless the contract lists that disagreement. */
    private String disagreement(JsonNode explanation) {
        int number = explanation.path("disagreement").asInt();
        Map<Integer, String> listed = contract.sourceDisagreements();
        assertTrue(listed.containsKey(number), "disagreement " + number + " is not in the contract's list " + listed.keySet());
        assertFalse(explanation.path("why").asText().isBlank(), "an explanation says why");
        return number + " (" + listed.get(number) + ")";
    }

    private enum Declared { YES, FREE_FORM, NO }

    /** Whether the answer {@code status} of {@code operation} declares {@code path} ({@code data.items.*.type}). */
    @SuppressWarnings("rawtypes")
    private static Declared declared(ContractOperation operation, int status, String path) {
        ApiResponse response = operation.operation().getResponses().get(Integer.toString(status));
        assertNotNull(response, operation.signature() + " declares no " + status);
        Schema schema = response.getContent().get("application/json").getSchema();
        return walk(schema, List.of(path.split("\\.")), 0);
    }

    @SuppressWarnings("rawtypes")
    private static Declared walk(Schema schema, List<String> segments, int at) {
        if (schema == null) {
            return Declared.NO;
        }
        if (at == segments.size()) {
            return Declared.YES;
        }
        for (List<Schema> members : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (members != null) {
                Declared best = Declared.NO;
                for (Schema member : members) {
                    Declared found = walk(member, segments, at);
                    best = found.ordinal() < best.ordinal() ? found : best;
                }
                if (best != Declared.NO) {
                    return best;
                }
            }
        }
        String segment = segments.get(at);
        if (segment.equals("*")) {
            return walk(schema.getItems(), segments, at + 1);
        }
        if (schema.getProperties() != null && schema.getProperties().containsKey(segment)) {
            return walk((Schema) schema.getProperties().get(segment), segments, at + 1);
        }
        // Only a bag that says so (additionalProperties) declares members it does not name.
        boolean open = Boolean.TRUE.equals(schema.getAdditionalProperties()) || schema.getAdditionalProperties() instanceof Schema;
        return open ? Declared.FREE_FORM : Declared.NO;
    }

    private ContractOperation operation(String signature) {
        String[] parts = signature.split(" ", 2);
        return contract.operations().stream().filter(o -> o.signature().equals(signature)).findFirst()
                .or(() -> contract.resolve(parts[0], parts[1]))
                .orElseThrow(() -> new AssertionError("no operation " + signature + " in the contract"));
    }

    static List<Path> fixtures() {
        try {
            Path directory = Path.of(RecordedAnswersTest.class.getClassLoader().getResource("recorded").toURI());
            try (Stream<Path> files = Files.list(directory)) {
                return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
