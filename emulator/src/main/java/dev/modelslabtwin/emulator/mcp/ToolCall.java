package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.Json;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One MCP tool call made into the REST request it stands for: the action picks the operation, each
 * argument goes where the operation takes it (path, query, {@code Idempotency-Key} header, JSON body)
 * under the contract's name. What the arguments mean is left to the REST pipeline; this only refuses
 * what cannot be sent at all: protocol misuse (no or an unknown {@code action}, an argument the action
 * does not take) as the protocol's own error, and a missing path argument or a value that cannot travel
 * where it must as the API's {@code validation_error}.
 */
final class ToolCall {

    /** The REST request: method, path with query, headers beyond the connection's own, JSON body or null. */
    record RestRequest(String method, String target, Map<String, String> headers, String body) {
    }

    private final ToolCatalogue.LiveAction action;
    private final RestRequest request;
    private final Map<String, List<String>> refusal;

    private ToolCall(ToolCatalogue.LiveAction action, RestRequest request, Map<String, List<String>> refusal) {
        this.action = action;
        this.request = request;
        this.refusal = refusal;
    }

    ToolCatalogue.LiveAction action() {
        return action;
    }

    /** The request to send, or null when {@link #refusal()} says why none can be. */
    RestRequest request() {
        return request;
    }

    /** Field-by-field reasons no request could be made (the API's {@code validation_error} details), or null. */
    Map<String, List<String>> refusal() {
        return refusal;
    }

    /**
     * The call {@code arguments} make of {@code tool}; throws the protocol's invalid-params error for
     * a missing or unknown action and for arguments the action does not take.
     */
    static ToolCall of(ToolCatalogue.CatalogueTool tool, Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        Object name = given.get("action");
        if (!(name instanceof String actionName) || actionName.isBlank()) {
            throw invalidParams("Missing required argument: action (one of " + String.join(", ", tool.actions().keySet()) + ")");
        }
        ToolCatalogue.LiveAction action = tool.actions().get(actionName);
        if (action == null) {
            throw invalidParams("Unknown action '" + actionName + "' of tool " + tool.name() + " (one of "
                    + String.join(", ", tool.actions().keySet()) + ")");
        }
        List<String> strangers = new ArrayList<>();
        for (Map.Entry<String, Object> argument : given.entrySet()) {
            if (!argument.getKey().equals("action") && !action.arguments().containsKey(argument.getKey())
                    && argument.getValue() != null) {
                strangers.add(argument.getKey());
            }
        }
        if (!strangers.isEmpty()) {
            throw invalidParams("The " + tool.name() + " action " + actionName + " takes no argument " + String.join(", ", strangers)
                    + (action.arguments().isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", action.arguments().keySet()) + ")"));
        }
        return build(action, given);
    }

    private static ToolCall build(ToolCatalogue.LiveAction action, Map<String, Object> given) {
        Map<String, List<String>> problems = new TreeMap<>();
        String path = action.path();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        ObjectNode body = Json.MAPPER.createObjectNode();
        for (ToolCatalogue.Argument argument : action.arguments().values()) {
            boolean present = given.containsKey(argument.name());
            Object value = given.get(argument.name());
            if (argument.in() == ToolCatalogue.Location.BODY) {
                if (present) {
                    // Null stays null: in a body it means something (it clears a billing field).
                    body.set(argument.contractName(), Json.MAPPER.valueToTree(value));
                }
                continue;
            }
            if (value == null && argument.in() == ToolCatalogue.Location.HEADER
                    && argument.name().equals(AgentTools.IDEMPOTENCY_KEY) && action.action().generatesIdempotencyKey()) {
                // As the hosted server does for fund, auto-funding, redeem-coupon and create: a fresh key per call.
                value = UUID.randomUUID().toString();
            }
            if (value == null) {
                if (argument.in() == ToolCatalogue.Location.PATH) {
                    problems.put(argument.name(), List.of("The " + argument.name().replace('_', ' ') + " field is required."));
                }
                continue;
            }
            String text = scalar(value);
            if (text == null) {
                problems.put(argument.name(), List.of("The " + argument.name().replace('_', ' ') + " must be a "
                        + (argument.in() == ToolCatalogue.Location.HEADER ? "string." : "string or a number.")));
                continue;
            }
            switch (argument.in()) {
                case PATH -> path = path.replace("{" + argument.contractName() + "}", pathSegment(text));
                case QUERY -> query.put(argument.contractName(), text);
                case HEADER -> {
                    if (!(value instanceof String) || !headerSafe(text)) {
                        problems.put(argument.name(), List.of("The " + argument.name().replace('_', ' ')
                                + " must be a string of printable characters."));
                    } else {
                        headers.put(argument.contractName(), text);
                    }
                }
                default -> throw new IllegalStateException("unexpected location " + argument.in());
            }
        }
        if (!problems.isEmpty()) {
            return new ToolCall(action, null, problems);
        }
        StringBuilder target = new StringBuilder(ContractValidator.BASE_PATH).append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            target.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        String json = null;
        if (action.takesBody() || !body.isEmpty()) {
            try {
                json = Json.MAPPER.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the arguments as JSON", e);
            }
        }
        return new ToolCall(action, new RestRequest(action.method(), target.toString(), headers, json), null);
    }

    /** A path, query or header value as text; null for an object or an array, which cannot be one. */
    private static String scalar(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }

    /** A path segment percent-encoded (URLEncoder writes a space as '+', which a path reads as a plus). */
    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether a header can carry {@code text} as it is: visible Latin-1 characters, spaces and tabs. */
    private static boolean headerSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    static McpError invalidParams(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}
