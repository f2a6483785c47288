package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.routing.BundledContract;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import dev.modelslabtwin.openapi.Contract;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every tool's input schema is the contract's: each action is offered exactly when its operation is in
 * the contract, each of the operation's parameters and body properties is an argument (under the hosted
 * server's name where it differs), and an argument says what the contract says of it.
 */
@ModelsLabEmulator
class ToolSchemasFollowTheContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CONTRACT = read(Contract.json());
    private static final ToolCatalogue CATALOGUE = ToolCatalogue.of(CONTRACT);
    private static final JsonSchemaValidator VALIDATOR = McpJsonDefaults.getSchemaValidator();

    @Test
    void buildingTheCatalogueLeavesTheSharedContractTreeAsItWas() {
        JsonNode before = BundledContract.tree().deepCopy();

        ToolCatalogue.fromBundledContract();

        assertEquals(before, BundledContract.tree());
    }

    @Test
    void anActionIsOfferedExactlyWhenTheContractHoldsItsOperation() {
        Set<String> operations = operationIds(CONTRACT);
        for (AgentTools.Tool tool : AgentTools.ALL) {
            List<String> expected = tool.actions().stream()
                    .filter(action -> operations.contains(action.operationId())).map(AgentTools.Action::name).toList();
            JsonNode schema = CATALOGUE.tool(tool.name()).inputSchema();
            List<String> offered = new ArrayList<>();
            schema.path("properties").path("action").path("enum").forEach(name -> offered.add(name.asText()));

            assertEquals(expected, offered, tool.name());
        }
    }

    @Test
    void everyActionOfTheHostedToolsIsOfferedNowThatTheContractHoldsEveryOperation() {
        Map<String, List<String>> notLive = new LinkedHashMap<>();
        CATALOGUE.tools().forEach(tool -> notLive.put(tool.name(),
                tool.notLive().stream().map(AgentTools.Action::name).toList()));

        assertEquals(Map.of("agent-auth", List.of(), "agent-tokens", List.of(), "agent-billing", List.of(),
                "agent-wallet", List.of(), "agent-subscriptions", List.of()), notLive);
    }

    @Test
    void everyParameterAndBodyPropertyOfAnOperationIsAnArgumentOfItsTool() {
        Map<String, JsonNode> operations = operations(CONTRACT);
        for (ToolCatalogue.CatalogueTool tool : CATALOGUE.tools()) {
            JsonNode properties = tool.inputSchema().path("properties");
            for (ToolCatalogue.LiveAction action : tool.actions().values()) {
                Map<String, String> mcpNames = new HashMap<>();
                action.action().renames().forEach((mcp, contract) -> mcpNames.put(contract, mcp));
                for (String field : contractFields(operations.get(action.operationId()))) {
                    String name = field.equals("Idempotency-Key") ? "idempotency_key" : mcpNames.getOrDefault(field, field);
                    assertTrue(properties.has(name), tool.name() + " has no argument " + name + " for " + action.name());
                    assertTrue(properties.get(name).path("description").asText().contains(action.name()),
                            tool.name() + "." + name + " does not say " + action.name() + " takes it");
                }
            }
            assertEquals("object", tool.inputSchema().path("type").asText());
            assertFalse(tool.inputSchema().path("additionalProperties").asBoolean(true), "an unknown argument is refused");
        }
    }

    @Test
    void theHostedServersParameterNamesStandForTheContractsPathParameters() {
        assertEquals(Set.of("action", "token_id"), names("agent-tokens", "revoke"));
        assertEquals(Set.of("action", "payment_method_id", "idempotency_key"), names("agent-billing", "remove-payment-method"));
        assertEquals(Set.of("action", "invoice_id"), names("agent-billing", "invoice-detail"));
        assertEquals(Set.of("action", "payment_intent_id"), names("agent-wallet", "payment-status"));
        assertEquals(Set.of("action", "subscription_id", "idempotency_key"), names("agent-subscriptions", "pause"));
        assertEquals(Set.of("action", "subscription_id", "new_plan_id", "plan_id", "idempotency_key"),
                names("agent-subscriptions", "update"));
    }

    @Test
    void anArgumentOneActionTakesCarriesThatOperationsLimits() {
        JsonNode tokenId = property("agent-tokens", "token_id");
        assertEquals("integer", tokenId.path("type").asText());
        assertEquals(1, tokenId.path("minimum").asInt());
        assertEquals(41, tokenId.path("examples").path(0).asInt(), "the contract's example");

        JsonNode country = property("agent-billing", "address_country");
        assertEquals("^[A-Z]{2}$", country.path("pattern").asText());
        assertEquals(List.of("string", "null"), texts(country.path("type")), "nullable: null clears the field");

        JsonNode expiry = property("agent-auth", "token_expiry");
        assertEquals(List.of("1_week", "1_month", "3_months", "6_months", "1_year", "never"), texts(expiry.path("enum")));

        JsonNode purpose = property("agent-billing", "purpose");
        assertEquals(List.of("fund", "subscribe"), texts(purpose.path("enum")));
    }

    @Test
    void anArgumentSeveralActionsTakeAdmitsEachAndSaysEachOnesLimits() {
        JsonNode amount = property("agent-wallet", "amount");

        assertEquals("number", amount.path("type").asText());
        assertEquals(1, amount.path("minimum").asInt(), "withdraw takes $1, fund $10, auto-funding's alias $5");
        assertEquals(10000, amount.path("maximum").asInt());
        assertEquals("0.01", amount.path("multipleOf").asText());
        String description = amount.path("description").asText();
        assertTrue(description.contains("fund (required; 10 to 10000, multiple of 0.01)"), description);
        assertTrue(description.contains("withdraw (required; 1 to 10000, multiple of 0.01)"), description);

        JsonNode card = property("agent-billing", "payment_method_id");
        assertEquals("^pm_[A-Za-z0-9_]+$", card.path("pattern").asText(), "body and path agree on the pattern");
    }

    @Test
    void theIdempotencyKeyIsTheHeadersAndIsMadeUpWhereTheHostedServerMakesItUp() {
        JsonNode wallet = property("agent-wallet", "idempotency_key");
        assertEquals(1, wallet.path("minLength").asInt());
        assertEquals(255, wallet.path("maxLength").asInt());
        String description = wallet.path("description").asText();
        for (String generated : List.of("fund (generated when omitted)", "auto-funding (generated when omitted)",
                "redeem-coupon (generated when omitted)")) {
            assertTrue(description.contains(generated), description);
        }
        assertTrue(description.contains("withdraw,") || description.contains("withdraw."), description);
        assertTrue(property("agent-subscriptions", "idempotency_key").path("description").asText()
                .contains("create (generated when omitted)"));
    }

    @Test
    void everyRequestTheContractShowsIsAcceptedByTheToolSchema() {
        Map<String, JsonNode> operations = operations(CONTRACT);
        int checked = 0;
        for (ToolCatalogue.CatalogueTool tool : CATALOGUE.tools()) {
            Map<String, Object> schema = JsonSchemas.asMap(tool.inputSchema());
            for (ToolCatalogue.LiveAction action : tool.actions().values()) {
                for (Map<String, Object> arguments : exampleCalls(action, operations.get(action.operationId()))) {
                    JsonSchemaValidator.ValidationResponse verdict = VALIDATOR.validate(schema, arguments);
                    assertTrue(verdict.valid(), tool.name() + " refuses " + arguments + ": " + verdict.errorMessage());
                    checked++;
                }
            }
        }
        assertTrue(checked > 40, "the contract's examples were found: " + checked);
    }

    @Test
    void theToolSchemaRefusesWhatItsOnlyOperationRefuses() {
        Map<String, Object> schema = JsonSchemas.asMap(CATALOGUE.tool("agent-tokens").inputSchema());

        assertFalse(VALIDATOR.validate(schema, Map.of("action", "revoke", "token_id", 0)).valid(), "below the minimum");
        assertFalse(VALIDATOR.validate(schema, Map.of("action", "forgot-password")).valid(), "an action not offered");
        assertFalse(VALIDATOR.validate(schema, Map.of("token_id", 4)).valid(), "no action");
        assertFalse(VALIDATOR.validate(schema, Map.of("action", "list", "tokenid", 4)).valid(), "an unknown argument");
    }

    @Test
    void anOperationTakenOutOfTheContractTakesItsActionAway() {
        ObjectNode contract = CONTRACT.deepCopy();
        ((ObjectNode) contract.path("paths")).remove("/auth/forgot-password");

        ToolCatalogue.CatalogueTool auth = ToolCatalogue.of(contract).tool("agent-auth");

        assertFalse(auth.actions().containsKey("forgot-password"));
        assertEquals(List.of("forgot-password"), auth.notLive().stream().map(AgentTools.Action::name).toList());
    }

    @Test
    void anOperationAddedToTheContractBringsItsActionWithNoCodeChange() {
        ObjectNode contract = CONTRACT.deepCopy();
        ((ObjectNode) contract.path("paths")).remove("/auth/forgot-password");
        ObjectNode operation = ((ObjectNode) contract.path("paths")).putObject("/auth/forgot-password").putObject("post");
        operation.put("operationId", "forgotPassword").put("summary", "Send a password reset link");
        operation.putArray("security");
        ObjectNode body = operation.putObject("requestBody").putObject("content").putObject("application/json").putObject("schema");
        body.put("type", "object").putArray("required").add("email");
        body.putObject("properties").putObject("email").put("type", "string").put("format", "email");

        ToolCatalogue.CatalogueTool auth = ToolCatalogue.of(contract).tool("agent-auth");

        assertTrue(auth.actions().containsKey("forgot-password"));
        assertTrue(auth.inputSchema().path("properties").path("email").path("description").asText().contains("forgot-password (required"));
        assertTrue(auth.description().contains("- forgot-password: Send a password reset link. Needs email. No token needed."),
                auth.description());
        assertEquals(List.of(), auth.notLive().stream().map(AgentTools.Action::name).toList());
    }

    @Test
    void aRenameOfSomethingTheOperationDoesNotTakeStopsTheStart() {
        AgentTools.Tool broken = new AgentTools.Tool("agent-tokens", "Tokens", "Tokens.",
                List.of(new AgentTools.Action("revoke", "revokeToken", Map.of("token_id", "token"), false)));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> ToolCatalogue.of(CONTRACT, List.of(broken)));
        assertTrue(failure.getMessage().contains("takes no token to rename to token_id"), failure.getMessage());
    }

    @Test
    void theSchemasAClientListsAreTheCatalogues(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl, Map.of())) {
            for (McpSchema.Tool tool : mcp.tools()) {
                ToolCatalogue.CatalogueTool expected = CATALOGUE.tool(tool.name());
                assertEquals(normalised(JsonSchemas.asMap(expected.inputSchema())), normalised(tool.inputSchema()), tool.name());
                assertEquals(expected.description(), tool.description());
                assertTrue(VALIDATOR.validateSchema(tool.inputSchema()).valid(), tool.name() + " lists a valid JSON Schema");
            }
        }
    }

    /** The calls the contract's own examples make: body examples, with the parameters' examples. */
    private static List<Map<String, Object>> exampleCalls(ToolCatalogue.LiveAction action, JsonNode operation) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("action", action.name());
        for (ToolCatalogue.Argument argument : action.arguments().values()) {
            if (argument.in() != ToolCatalogue.Location.BODY && argument.schema().has("examples")) {
                parameters.put(argument.name(), JSON.convertValue(argument.schema().get("examples").get(0), Object.class));
            }
        }
        List<Map<String, Object>> calls = new ArrayList<>();
        JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
        examples.forEach(example -> {
            Map<String, Object> call = new LinkedHashMap<>(parameters);
            example.path("value").fields().forEachRemaining(field -> {
                String name = action.arguments().values().stream()
                        .filter(argument -> argument.in() == ToolCatalogue.Location.BODY && argument.contractName().equals(field.getKey()))
                        .map(ToolCatalogue.Argument::name).findFirst().orElse(field.getKey());
                call.put(name, JSON.convertValue(field.getValue(), Object.class));
            });
            calls.add(call);
        });
        if (calls.isEmpty()) {
            calls.add(parameters);
        }
        return calls;
    }

    /** As JSON text reads back: an int and a long of the same value are the same number. */
    private static JsonNode normalised(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> names(String tool, String action) {
        Set<String> names = new TreeSet<>(CATALOGUE.tool(tool).actions().get(action).arguments().keySet());
        names.add("action");
        return names;
    }

    private static JsonNode property(String tool, String name) {
        JsonNode property = CATALOGUE.tool(tool).inputSchema().path("properties").path(name);
        assertFalse(property.isMissingNode(), tool + " has no argument " + name);
        return property;
    }

    private static Set<String> operationIds(JsonNode contract) {
        return operations(contract).keySet();
    }

    private static Map<String, JsonNode> operations(JsonNode contract) {
        Map<String, JsonNode> operations = new HashMap<>();
        contract.path("paths").forEach(path -> path.fields().forEachRemaining(entry -> {
            if (entry.getValue().has("operationId")) {
                operations.put(entry.getValue().get("operationId").asText(), entry.getValue());
            }
        }));
        return operations;
    }

    /** The names of an operation's parameters and request body properties, as the contract spells them. */
    private static List<String> contractFields(JsonNode operation) {
        List<String> fields = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> fields.add(resolve(parameter).path("name").asText()));
        JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? CONTRACT.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
