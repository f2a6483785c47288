package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.openapi.lint.ContractRules;
import dev.modelslabtwin.openapi.lint.ExampleValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliberately broken copies of the real contract: each rule must notice its breakage. */
class LintCatchesBrokenContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theUnbrokenCopyPassesSoEveryFailureBelowIsCausedByItsBreakage() throws IOException {
        assertEquals(List.of(), rulesOn(copy(document -> { })));
        assertEquals(List.of(), examplesOn(copy(document -> { })));
    }

    @Test
    void aMissingOperationIdIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> operation(doc, "/wallet/balance", "get").remove("operationId")));
        assertReported(violations, "GET /wallet/balance: operationId must be camelCase");
    }

    @Test
    void aDuplicatedOperationIdIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> operation(doc, "/wallet/balance", "get").put("operationId", "fundWallet")));
        assertReported(violations, "operationId fundWallet is used twice");
    }

    @Test
    void anOperationWithoutScopeIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> operation(doc, "/wallet/fund", "post").remove("x-required-scope")));
        assertReported(violations, "POST /wallet/fund: secured operations name x-required-scope");
    }

    @Test
    void aSecondTagIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> ((ArrayNode) operation(doc, "/wallet/fund", "post").get("tags")).add("Billing")));
        assertReported(violations, "POST /wallet/fund: must have exactly one tag");
    }

    @Test
    void aMissingRateLimitedResponseIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> ((ObjectNode) operation(doc, "/wallet/fund", "post").get("responses")).remove("429")));
        assertReported(violations, "POST /wallet/fund: must document the 429 response");
    }

    @Test
    void aRedirectWithoutLocationIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> ((ObjectNode) operation(doc, "/verify/{token}", "get")
                .path("responses").path("302").path("headers")).remove("Location")));
        assertReported(violations, "GET /verify/{token} 302: a redirect declares the Location header");
    }

    @Test
    void anUnknownLimiterForUnroutedRequestsIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> doc.put("x-unrouted-rate-limiter", "agent-nowhere")));
        assertReported(violations, "root: x-unrouted-rate-limiter must be one of the root's x-rate-limiters");
    }

    @Test
    void aMutationWithoutIdempotencyKeyIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> operation(doc, "/wallet/fund", "post").remove("parameters")));
        assertReported(violations, "POST /wallet/fund: billing mutations take the Idempotency-Key parameter");
    }

    @Test
    void anUnsecuredBillingCallIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> operation(doc, "/wallet/balance", "get").putArray("security")));
        assertReported(violations, "GET /wallet/balance: only public auth calls may go without bearer security");
    }

    @Test
    void aSuccessResponseOutsideTheEnvelopeIsReported() throws IOException {
        List<String> violations = rulesOn(copy(doc -> ((ObjectNode) operation(doc, "/wallet/balance", "get")
                .at("/responses/200/content/application~1json/schema")).put("$ref", "#/components/schemas/WalletBalance")));
        assertReported(violations, "GET /wallet/balance 200: success schema must be a named envelope");
    }

    @Test
    void anExampleThatBreaksItsSchemaIsReported() throws IOException {
        Path broken = copy(doc -> {
            JsonNode examples = operation(doc, "/wallet/balance", "get").at("/responses/200/content/application~1json/examples");
            ObjectNode data = (ObjectNode) examples.elements().next().at("/value/data");
            data.put("balance", "seventy-five");
        });
        assertReported(examplesOn(broken), "GET /wallet/balance 200 example");
    }

    @Test
    void aRequestExampleBelowTheMinimumIsReported() throws IOException {
        Path broken = copy(doc -> {
            JsonNode examples = operation(doc, "/wallet/fund", "post").at("/requestBody/content/application~1json/examples");
            ((ObjectNode) examples.elements().next().get("value")).put("amount", 3);
        });
        assertReported(examplesOn(broken), "POST /wallet/fund request example");
    }

    @Test
    void swaggerParserReportsAnUnknownAttribute() throws IOException {
        Path broken = copy(doc -> operation(doc, "/wallet/balance", "get").put("requried", true));
        assertTrue(!Contract.parse(Files.readString(broken)).getMessages().isEmpty(),
                "an unexpected attribute must produce a parser message");
    }

    @Test
    void theBundlerRefusesAKeyDefinedByTwoFragments() throws IOException {
        Files.writeString(temp.resolve("root.yaml"), "openapi: 3.0.3\nx-bundle-include: [a.yaml, b.yaml]\n");
        Files.writeString(temp.resolve("a.yaml"), "components:\n  schemas:\n    Thing: {type: string}\n");
        Files.writeString(temp.resolve("b.yaml"), "components:\n  schemas:\n    Thing: {type: integer}\n");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> SpecBundler.bundle(temp.resolve("root.yaml")));
        assertTrue(error.getMessage().contains("b.yaml: /components/schemas/Thing"), error.getMessage());
    }

    private Path copy(Consumer<ObjectNode> breakage) throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(Contract.json());
        breakage.accept(document);
        Path file = Files.createTempFile(temp, "contract", ".json");
        Files.writeString(file, JSON.writeValueAsString(document));
        return file;
    }

    private static ObjectNode operation(JsonNode document, String path, String method) {
        return (ObjectNode) document.path("paths").path(path).path(method);
    }

    private static List<String> rulesOn(Path document) throws IOException {
        return ContractRules.check(Contract.parse(Files.readString(document)).getOpenAPI());
    }

    private static List<String> examplesOn(Path document) throws IOException {
        return ExampleValidator.validate(JSON.readTree(document.toFile())).violations();
    }

    private static void assertReported(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation containing '" + expected + "', got:\n" + String.join("\n", violations));
    }
}
