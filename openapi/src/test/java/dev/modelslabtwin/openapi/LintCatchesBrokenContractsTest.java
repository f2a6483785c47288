package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.openapi.lint.ContractRules;
import dev.modelslabtwin.openapi.lint.ExampleValidator;
import dev.modelslabtwin.openapi.provenance.ProvenanceRules;
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
        assertEquals(List.of(), provenanceOn(copy(document -> { })));
    }

    @Test
    void anOperationWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> operation(doc, "/wallet/fund", "post").remove("x-provenance")));
        assertReported(violations, "POST /wallet/fund: has no x-provenance");
    }

    @Test
    void anOperationWhoseAnswerHasNoProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) operation(doc, "/wallet/fund", "post").get("x-provenance"))
                .remove("answer")));
        assertReported(violations, "POST /wallet/fund x-provenance.answer: has no provenance");
    }

    @Test
    void aNewOperationExtensionWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> operation(doc, "/wallet/fund", "post").put("x-payment", "card")));
        assertReported(violations, "POST /wallet/fund x-provenance.x-payment: has no provenance");
    }

    @Test
    void documentedProvenanceCitingNoKnownSourceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> provenance(operation(doc, "/wallet/fund", "post"), "operation")
                .put("documented", "the internet")));
        assertReported(violations, "documented provenance starts with a source of x-provenance-sources");
    }

    @Test
    void aGuessWithoutItsReasonIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> {
            ObjectNode answer = provenance(operation(doc, "/wallet/fund", "post"), "answer");
            answer.removeAll();
            answer.put("emulator", "a guess");
        }));
        assertReported(violations, "emulator provenance gives its reason");
    }

    @Test
    void aProvenanceValueOfTwoKindsIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> provenance(operation(doc, "/wallet/fund", "post"), "limiter")
                .put("emulator", "the twin counts it with the billing limiter, whatever the docs say")));
        assertReported(violations, "POST /wallet/fund x-provenance.limiter: {");
    }

    @Test
    void aBehaviourWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) operation(doc, "/wallet/fund", "post")
                .at("/x-behaviours/fundWallet.three-d-secure-202")).remove("x-provenance")));
        assertReported(violations, "behaviour fundWallet.three-d-secure-202: has no provenance");
    }

    @Test
    void aBehaviourNamedForAnotherOperationIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> {
            ObjectNode behaviours = (ObjectNode) operation(doc, "/wallet/fund", "post").get("x-behaviours");
            behaviours.set("redeemCoupon.misplaced", behaviours.get("fundWallet.three-d-secure-202").deepCopy());
        }));
        assertReported(violations, "behaviour redeemCoupon.misplaced must be named fundWallet.<what-it-does>");
    }

    @Test
    void aCrossCuttingBehaviourNamingAnUnknownOperationIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ArrayNode) doc.at("/x-behaviours/checkout.unpaid-answers-409/operations"))
                .add("confirmEverything")));
        assertReported(violations, "behaviour checkout.unpaid-answers-409: names operation confirmEverything");
    }

    @Test
    void anErrorCodeMissingFromTheCatalogueIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.get("x-error-catalogue")).remove("reseller_only")));
        assertReported(violations, "POST /wallet/withdraw 403: error code reseller_only is not in the root's x-error-catalogue");
    }

    @Test
    void anErrorCodeAnsweredWithAnotherStatusThanCataloguedIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.at("/x-error-catalogue/reseller_only")).put("status", 401)));
        assertReported(violations, "error code reseller_only is catalogued for [401], not 403");
    }

    @Test
    void aCataloguedErrorCodeNoResponseAnswersIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.get("x-error-catalogue"))
                .set("never_answered", doc.at("/x-error-catalogue/not_found").deepCopy())));
        assertReported(violations, "error code never_answered: no response answers it");
    }

    @Test
    void anErrorCodeWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.at("/x-error-catalogue/not_found")).remove("x-provenance")));
        assertReported(violations, "error code not_found: has no provenance");
    }

    @Test
    void aFieldRuleWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.at("/components/schemas/FundWalletRequest/properties/amount"))
                .remove("x-provenance")));
        assertReported(violations, "POST /wallet/fund body.amount (FundWalletRequest): the rule maximum 10000 has no x-provenance");
    }

    @Test
    void aRuleWhoseProvenanceCoversOnlyOtherKeywordsIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.at("/components/schemas/FundWalletRequest/properties/amount/x-provenance"))
                .remove("multipleOf")));
        assertReported(violations, "body.amount (FundWalletRequest): the rule multipleOf 0.01 has no x-provenance");
    }

    @Test
    void provenanceOfAKeywordTheFieldDoesNotHaveIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.at("/components/schemas/FundWalletRequest/properties/amount/x-provenance"))
                .set("pattern", doc.at("/components/schemas/FundWalletRequest/properties/amount/x-provenance/minimum").deepCopy())));
        assertReported(violations, "body.amount: x-provenance names pattern, which body.amount does not have");
    }

    @Test
    void aParameterRuleWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) operation(doc, "/wallet/transactions", "get").at("/parameters/1"))
                .remove("x-provenance")));
        assertReported(violations, "GET /wallet/transactions query limit: the rule maximum 200 has no x-provenance");
    }

    @Test
    void aDisagreementWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.at("/x-disagreements/0")).remove("x-provenance")));
        assertReported(violations, "disagreement 1: has no provenance");
    }

    @Test
    void aRateLimiterWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.at("/x-rate-limiters/agent-billing")).remove("x-provenance")));
        assertReported(violations, "x-rate-limiters agent-billing: has no provenance");
    }

    @Test
    void aRootExtensionWithoutProvenanceIsReported() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> ((ObjectNode) doc.get("x-provenance")).remove("x-unrouted-rate-limiter")));
        assertReported(violations, "root extension x-unrouted-rate-limiter (its entry in the root's x-provenance): has no provenance");
    }

    @Test
    void aRootExtensionSaysWhereItComesFromInTheRootsProvenance() throws IOException {
        List<String> violations = provenanceOn(copy(doc -> {
            doc.put("x-offline-note", "served by the twin");
            ((ObjectNode) doc.get("x-provenance")).putObject("x-offline-note")
                    .put("emulator", "an extension made up for this test, said to be the twin's own choice");
        }));
        assertEquals(List.of(), violations);
    }

    @Test
    void theBundlerRefusesACatalogueWhoseDescriptionHasNoPlaceForIt() throws IOException {
        Files.writeString(temp.resolve("root.yaml"), "openapi: 3.0.3\ninfo: {title: t, version: '1', description: no marker}\n"
                + "x-error-catalogue: {not_found: {status: 404, when: never}}\nx-bundle-include: []\n");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> SpecBundler.bundle(temp.resolve("root.yaml")));
        assertTrue(error.getMessage().contains("<!-- x-error-catalogue -->"), error.getMessage());
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

    private static ObjectNode provenance(ObjectNode operation, String aspect) {
        return (ObjectNode) operation.get("x-provenance").get(aspect);
    }

    private static ObjectNode operation(JsonNode document, String path, String method) {
        return (ObjectNode) document.path("paths").path(path).path(method);
    }

    private static List<String> rulesOn(Path document) throws IOException {
        return ContractRules.check(Contract.parse(Files.readString(document)).getOpenAPI());
    }

    private static List<String> provenanceOn(Path document) throws IOException {
        return ProvenanceRules.check(JSON.readTree(document.toFile()));
    }

    private static List<String> examplesOn(Path document) throws IOException {
        return ExampleValidator.validate(JSON.readTree(document.toFile())).violations();
    }

    private static void assertReported(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation containing '" + expected + "', got:\n" + String.join("\n", violations));
    }
}
