package dev.modelslabtwin.conformance.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.mcp.ToolCatalogue;
import dev.modelslabtwin.openapi.Contract;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent on the target's Agent Control Plane MCP endpoint (the official MCP Java SDK client, Streamable
 * HTTP), holding every tool answer to the contract of the REST operation its action is: a success must be
 * a declared 2xx envelope of that operation, a tool error an error envelope whose code the operation
 * documents. Each answer counts as a check of the run ({@code mcp}, by tool and action).
 */
public final class McpAgent implements AutoCloseable {

    /** What the twin offers, action by action, and the operation each one is. */
    public static final ToolCatalogue TOOLS = ToolCatalogue.fromBundledContract();

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(Contract.yaml())
            .withBasePathOverride(Contract.basePath())
            // allOf envelopes are rejected (error and meta taken for extra properties) without this.
            .withResolveCombinators(true)
            .build();

    /** One tool call's answer: whether it was a tool error, and the REST envelope its text carries. */
    public record ToolAnswer(String tool, String action, boolean isError, JsonNode envelope) {

        public JsonNode data() {
            return envelope.path("data");
        }

        public String code() {
            return envelope.path("error").path("code").asText(null);
        }

        public JsonNode details() {
            return envelope.path("error").path("details");
        }

        /** The data of a success; fails the test with the answer otherwise. */
        public JsonNode ok() {
            assertTrue(!isError && envelope.path("error").isNull(), () -> tool + " " + action + " was refused: " + envelope);
            return data();
        }

        /** Fails the test unless this is a tool error with {@code code}. */
        public ToolAnswer refused(String expectedCode) {
            assertTrue(isError && expectedCode.equals(code()), () -> tool + " " + action + ": expected a tool error "
                    + expectedCode + ", got " + envelope);
            return this;
        }
    }

    private final McpSyncClient client;
    private final Exchanges exchanges;

    private McpAgent(McpSyncClient client, Exchanges exchanges) {
        this.client = client;
        this.exchanges = exchanges;
    }

    /** Connects to {@code target}'s MCP endpoint with {@code token} as {@code Authorization: Bearer} (null: none). */
    public static McpAgent connect(Target target, String token) {
        URI url = target.mcpUrl();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(url.getScheme() + "://" + url.getRawAuthority())
                .endpoint(url.getRawPath())
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("modelslab-twin-conformance", "1.0.0"))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return new McpAgent(client, Exchanges.global());
    }

    public McpSchema.InitializeResult initialization() {
        return client.getCurrentInitializationResult();
    }

    public List<McpSchema.Tool> tools() {
        return client.listTools().tools();
    }

    /** Calls {@code tool}'s {@code action} with alternating argument names and values, and holds the answer to the contract. */
    public ToolAnswer call(String tool, String action, Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("action", action);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        String text = result.content().isEmpty() || !(result.content().get(0) instanceof McpSchema.TextContent content)
                ? "" : content.text();
        ToolAnswer answer = new ToolAnswer(tool, action, Boolean.TRUE.equals(result.isError()), Json.parse(text));
        String operationId = TOOLS.tool(tool).actions().get(action).operationId();
        List<String> problems = problems(operationId, answer);
        exchanges.check("mcp", tool + " " + action, operationId, problems.isEmpty());
        assertTrue(problems.isEmpty(), () -> tool + " " + action + " answered outside the contract of " + operationId + ": "
                + problems + "\n" + text);
        return answer;
    }

    /** Why an answer is not one the operation's contract allows; empty when it is. */
    public static List<String> problems(String operationId, ToolAnswer answer) {
        ContractOperation operation = ContractIndex.get().operations().stream()
                .filter(candidate -> candidate.operationId().equals(operationId)).findFirst().orElseThrow();
        if (!answer.envelope().isObject()) {
            return List.of("the tool's text is not the API's JSON envelope");
        }
        List<Integer> statuses = operation.declaredStatuses().stream()
                .filter(status -> answer.isError() ? status >= 400 : status < 300).toList();
        List<String> problems = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        for (int status : statuses) {
            List<String> found = violations(operation, status, answer.envelope());
            if (found.isEmpty() && !answer.isError()) {
                return List.of();
            }
            if (found.isEmpty()) {
                documented.addAll(operation.documentedErrorCodes(status));
            }
            problems.addAll(found);
        }
        if (answer.isError()) {
            documented.addAll(operation.documentedErrorCodes(0));
            if (documented.contains(answer.code())) {
                return List.of();
            }
            problems.add("error code " + answer.code() + " is not one the operation documents " + documented);
        }
        return problems.isEmpty() ? List.of("no declared " + (answer.isError() ? "error" : "success") + " status") : problems;
    }

    private static List<String> violations(ContractOperation operation, int status, JsonNode envelope) {
        ValidationReport report = VALIDATOR.validateResponse(Contract.basePath() + operation.examplePath(),
                Request.Method.valueOf(operation.method()),
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(envelope.toString()).build());
        List<String> found = new ArrayList<>();
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                // Headers do not travel through MCP; the body is what the agent sees.
                .filter(message -> !message.getKey().startsWith("validation.response.header"))
                .forEach(message -> found.add(status + ": " + message.getMessage()));
        return found;
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
