package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.routing.BundledContract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MCP tools as the contract makes them, read once at start: for each action of {@link AgentTools}
 * whose operation the contract holds, its REST method and path and every argument it takes (the
 * operation's parameters and request body properties, under their MCP names); for each tool, its input
 * schema and its description. Nothing about an argument is written by hand: a new body property, a
 * changed limit or a new operation in the contract shows up here with no change to this code.
 */
public final class ToolCatalogue {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** Where an argument travels in the REST request. */
    public enum Location { PATH, QUERY, HEADER, BODY }

    /**
     * One argument of one action: its MCP name, where it goes and under which name there, whether the
     * operation requires it, its JSON Schema and the contract's description of it.
     */
    public record Argument(String name, Location in, String contractName, boolean required, ObjectNode schema,
                           String description) {
    }

    /**
     * An action the contract serves: the tool and action, the REST operation (method, path template,
     * summary, what its request body's schema says of itself, e.g. which of two names is required, whether
     * it needs a token, whether it takes a JSON body) and its arguments by MCP name.
     */
    public record LiveAction(AgentTools.Tool tool, AgentTools.Action action, String method, String path, String summary,
                             String bodyDescription, boolean secured, boolean takesBody, Map<String, Argument> arguments) {

        public String name() {
            return action.name();
        }

        public String operationId() {
            return action.operationId();
        }
    }

    /**
     * A tool as offered: its live actions by name, the actions of {@link AgentTools} left out because the
     * contract has no operation for them yet, its input schema and its description.
     */
    public record CatalogueTool(AgentTools.Tool tool, Map<String, LiveAction> actions, List<AgentTools.Action> notLive,
                                ObjectNode inputSchema, String description) {

        public String name() {
            return tool.name();
        }
    }

    private final Map<String, CatalogueTool> tools;

    private ToolCatalogue(Map<String, CatalogueTool> tools) {
        this.tools = tools;
    }

    /** The catalogue of the contract packaged with the emulator. */
    public static ToolCatalogue fromBundledContract() {
        return of(BundledContract.tree());
    }

    /** The catalogue {@code contract} (an OpenAPI document as a JSON tree) makes of {@link AgentTools#ALL}. */
    public static ToolCatalogue of(JsonNode contract) {
        return of(contract, AgentTools.ALL);
    }

    static ToolCatalogue of(JsonNode contract, List<AgentTools.Tool> tools) {
        JsonSchemas schemas = new JsonSchemas(contract);
        Map<String, JsonNode> operations = operations(contract);
        Map<String, CatalogueTool> catalogue = new LinkedHashMap<>();
        for (AgentTools.Tool tool : tools) {
            Map<String, LiveAction> live = new LinkedHashMap<>();
            List<AgentTools.Action> notLive = new ArrayList<>();
            for (AgentTools.Action action : tool.actions()) {
                JsonNode operation = operations.get(action.operationId());
                if (operation == null) {
                    notLive.add(action);
                } else {
                    live.put(action.name(), liveAction(contract, schemas, tool, action, operation));
                }
            }
            catalogue.put(tool.name(), new CatalogueTool(tool, Collections.unmodifiableMap(live), List.copyOf(notLive),
                    inputSchema(tool, live), description(tool, live)));
        }
        return new ToolCatalogue(catalogue);
    }

    public List<CatalogueTool> tools() {
        return List.copyOf(tools.values());
    }

    public CatalogueTool tool(String name) {
        return tools.get(name);
    }

    /** Every operation by operationId, each with the {@code method} and {@code path} it is served on added. */
    private static Map<String, JsonNode> operations(JsonNode contract) {
        Map<String, JsonNode> operations = new HashMap<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                ObjectNode operation = ((ObjectNode) entry.getValue()).deepCopy();
                operation.put("x-method", entry.getKey().toUpperCase(Locale.ROOT));
                operation.put("x-path", path.getKey());
                if (path.getValue().has("parameters")) {
                    operation.set("x-path-parameters", path.getValue().get("parameters"));
                }
                operations.put(operation.path("operationId").asText(), operation);
            }
        }));
        return operations;
    }

    private static LiveAction liveAction(JsonNode contract, JsonSchemas schemas, AgentTools.Tool tool,
                                         AgentTools.Action action, JsonNode operation) {
        Map<String, String> mcpNames = new HashMap<>();
        action.renames().forEach((mcp, contractName) -> mcpNames.put(contractName, mcp));
        Map<String, Argument> arguments = new LinkedHashMap<>();
        // An operation's own parameter overrides the path's of the same name and location.
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (String level : List.of("x-path-parameters", "parameters")) {
            operation.path(level).forEach(reference -> {
                JsonNode parameter = schemas.resolve(reference);
                parameters.put(parameter.path("in").asText() + " " + parameter.path("name").asText(), parameter);
            });
        }
        for (JsonNode parameter : parameters.values()) {
            String contractName = parameter.path("name").asText();
            Location in = Location.valueOf(parameter.path("in").asText().toUpperCase(Locale.ROOT));
            String name = mcpNames.getOrDefault(contractName, in == Location.HEADER ? headerArgument(contractName) : contractName);
            ObjectNode schema = schemas.convert(parameter.path("schema"));
            if (parameter.has("example") && !schema.has("examples")) {
                schema.putArray("examples").add(parameter.get("example"));
            }
            String description = text(parameter.path("description"));
            add(arguments, action, new Argument(name, in, contractName,
                    in == Location.PATH || parameter.path("required").asBoolean(false), schema,
                    description.isEmpty() ? text(schema.get("description")) : description));
        }
        JsonNode body = operation.path("requestBody");
        boolean takesBody = !body.isMissingNode();
        String bodyDescription = "";
        if (takesBody) {
            JsonNode resolvedBody = schemas.resolve(body);
            ObjectNode bodySchema = schemas.convert(resolvedBody.path("content").path("application/json").path("schema"));
            bodyDescription = text(bodySchema.get("description"));
            Set<String> required = new LinkedHashSet<>();
            bodySchema.path("required").forEach(field -> required.add(field.asText()));
            bodySchema.path("properties").fields().forEachRemaining(property -> {
                ObjectNode schema = (ObjectNode) property.getValue();
                String description = text(schema.remove("description"));
                String name = mcpNames.getOrDefault(property.getKey(), property.getKey());
                add(arguments, action, new Argument(name, Location.BODY, property.getKey(),
                        required.contains(property.getKey()), schema, description));
            });
        }
        for (Map.Entry<String, String> rename : action.renames().entrySet()) {
            if (!arguments.containsKey(rename.getKey())) {
                throw new IllegalStateException(tool.name() + " " + action.name() + ": the contract's " + action.operationId()
                        + " takes no " + rename.getValue() + " to rename to " + rename.getKey());
            }
        }
        arguments.values().forEach(argument -> argument.schema().remove("description"));
        // What identifies the thing acted on first, then what the request says, the idempotency key last.
        Map<String, Argument> ordered = new LinkedHashMap<>();
        for (Location in : List.of(Location.PATH, Location.BODY, Location.QUERY, Location.HEADER)) {
            arguments.values().stream().filter(argument -> argument.in() == in).forEach(argument -> ordered.put(argument.name(), argument));
        }
        return new LiveAction(tool, action, operation.path("x-method").asText(), operation.path("x-path").asText(),
                text(operation.path("summary")), bodyDescription, secured(contract, operation), takesBody,
                Collections.unmodifiableMap(ordered));
    }

    private static void add(Map<String, Argument> arguments, AgentTools.Action action, Argument argument) {
        if (argument.name().equals("action")) {
            throw new IllegalStateException(action.operationId() + " takes an argument named action, which MCP reserves");
        }
        if (arguments.put(argument.name(), argument) != null) {
            throw new IllegalStateException(action.operationId() + " takes two arguments named " + argument.name());
        }
    }

    /** {@code Idempotency-Key} becomes {@code idempotency_key}: MCP arguments are snake_case, as the hosted tools' are. */
    private static String headerArgument(String header) {
        return header.equalsIgnoreCase("Idempotency-Key") ? AgentTools.IDEMPOTENCY_KEY
                : header.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether the operation needs a bearer token: its own security, else the document's. */
    private static boolean secured(JsonNode contract, JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : contract.path("security");
        for (JsonNode requirement : security) {
            if (requirement.has("bearerAuth")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code action} (required, one of the live actions) and every argument of every live action, each
     * typed by the loosest schema its actions agree on and described with which actions take it; nothing
     * else (an argument no action takes is refused).
     */
    private static ObjectNode inputSchema(AgentTools.Tool tool, Map<String, LiveAction> actions) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode action = properties.putObject("action");
        action.put("type", "string");
        ArrayNode names = action.putArray("enum");
        actions.keySet().forEach(names::add);
        action.put("description", "The " + tool.name() + " action: " + String.join(", ", actions.keySet()) + ".");
        Map<String, List<Argument>> uses = new LinkedHashMap<>();
        Map<String, List<LiveAction>> users = new LinkedHashMap<>();
        for (LiveAction live : actions.values()) {
            for (Argument argument : live.arguments().values()) {
                uses.computeIfAbsent(argument.name(), name -> new ArrayList<>()).add(argument);
                users.computeIfAbsent(argument.name(), name -> new ArrayList<>()).add(live);
            }
        }
        uses.forEach((name, arguments) -> {
            List<ObjectNode> each = arguments.stream().map(Argument::schema).toList();
            ObjectNode merged = JsonSchemas.loosest(each);
            merged.put("description", argumentDescription(arguments, users.get(name), !each.stream().allMatch(each.get(0)::equals)));
            properties.set(name, merged);
        });
        schema.putArray("required").add("action");
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * What the contract says of the argument, then which actions take it (and whether they require it);
     * when those actions' limits differ, each one's limits, since the schema can only carry the widest.
     */
    private static String argumentDescription(List<Argument> arguments, List<LiveAction> users, boolean limitsDiffer) {
        Set<String> said = arguments.stream().map(Argument::description).filter(text -> !text.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        StringBuilder text = new StringBuilder();
        if (said.size() == 1) {
            text.append(said.iterator().next());
        } else {
            for (int i = 0; i < arguments.size(); i++) {
                if (!arguments.get(i).description().isEmpty()) {
                    text.append(text.length() == 0 ? "" : " ").append(users.get(i).name()).append(": ")
                            .append(arguments.get(i).description());
                }
            }
        }
        List<String> takers = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            List<String> notes = new ArrayList<>();
            if (argument.required()) {
                notes.add("required");
            }
            if (limitsDiffer && !JsonSchemas.limits(argument.schema()).isEmpty()) {
                notes.add(JsonSchemas.limits(argument.schema()));
            }
            if (argument.in() == Location.HEADER && users.get(i).action().generatesIdempotencyKey()) {
                notes.add("generated when omitted");
            }
            takers.add(users.get(i).name() + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
        }
        if (text.length() > 0 && !text.toString().endsWith(".")) {
            text.append('.');
        }
        return text.append(text.length() == 0 ? "" : " ").append("Actions: ").append(String.join(", ", takers)).append('.')
                .toString();
    }

    /** The tool's purpose, then one line per live action: what it does (the operation's summary) and what it needs. */
    private static String description(AgentTools.Tool tool, Map<String, LiveAction> actions) {
        StringBuilder text = new StringBuilder(tool.purpose()).append("\n\nActions (pass one as `action`, with its arguments):");
        for (LiveAction live : actions.values()) {
            List<String> required = new ArrayList<>();
            List<String> optional = new ArrayList<>();
            for (Argument argument : live.arguments().values()) {
                String name = argument.name() + (argument.in() == Location.HEADER && live.action().generatesIdempotencyKey()
                        ? " (generated when omitted)" : "");
                (argument.required() ? required : optional).add(name);
            }
            text.append("\n- ").append(live.name()).append(": ").append(live.summary())
                    .append(live.summary().endsWith(".") ? "" : ".");
            if (!live.bodyDescription().isEmpty()) {
                text.append(' ').append(live.bodyDescription()).append(live.bodyDescription().endsWith(".") ? "" : ".");
            }
            if (!required.isEmpty()) {
                text.append(" Needs ").append(String.join(", ", required)).append('.');
            }
            if (!optional.isEmpty()) {
                text.append(" Optional: ").append(String.join(", ", optional)).append('.');
            }
            if (!live.secured()) {
                text.append(" No token needed.");
            }
        }
        text.append("\n\nThe answer is the REST API's JSON envelope ({data, error, meta}); a refusal is a tool error "
                + "carrying the envelope's error code, message and details. Actions not marked otherwise need the "
                + "agent's bearer token on the MCP connection (Authorization: Bearer, or X-Agent-Token).");
        return text.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.asText().trim();
    }
}
