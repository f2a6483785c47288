package dev.modelslabtwin.openapi.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates every example in the document (request bodies, responses, parameters and schema-level
 * examples) against the schema it illustrates, with a JSON Schema library speaking OpenAPI 3.0's
 * dialect (so {@code nullable} and formats are honoured). An example that lies about the contract
 * teaches clients the wrong thing, so it fails the build like a broken test.
 */
public final class ExampleValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static final String DOCUMENT_LOCATION = "https://contract.modelslab-twin.invalid/openapi.json";

    private final String documentLocation;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> validatedPointers = new LinkedHashSet<>();
    private int checked;

    private ExampleValidator(JsonNode document) {
        this.documentLocation = DOCUMENT_LOCATION;
        this.document = document;
        String text = document.toString();
        // Served from memory, so the validator checks exactly the tree it was given, wherever it came from.
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), builder -> builder
                .schemas(Map.of(DOCUMENT_LOCATION, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The result of validating a document's examples. */
    public record Report(int examplesChecked, List<String> violations) {
    }

    /** Validates every example of {@code document}, a bundled OpenAPI 3.0 document, against its schema. */
    public static Report validate(JsonNode document) {
        ExampleValidator validator = new ExampleValidator(document);
        validator.walkOperations();
        validator.walkComponents();
        return new Report(validator.checked, validator.violations);
    }

    private void walkOperations() {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String opPointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
                walkContent(where + " request", opPointer + "/requestBody", op.getValue().path("requestBody"));
                walkParameters(where, opPointer + "/parameters", op.getValue().path("parameters"));
                Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    String responsePointer = opPointer + "/responses/" + escape(response.getKey());
                    walkContent(where + " " + response.getKey(), responsePointer, response.getValue());
                }
            }
        }
    }

    private void walkComponents() {
        JsonNode components = document.path("components");
        components.path("responses").fields().forEachRemaining(response -> walkContent(
                "response " + response.getKey(), "/components/responses/" + escape(response.getKey()), response.getValue()));
        components.path("parameters").fields().forEachRemaining(parameter -> validateParameter(
                "parameter " + parameter.getKey(), "/components/parameters/" + escape(parameter.getKey()), parameter.getValue()));
        components.path("schemas").fields().forEachRemaining(schema -> walkSchemaExamples(
                "schema " + schema.getKey(), "/components/schemas/" + escape(schema.getKey()), schema.getValue()));
    }

    private void walkContent(String where, String pointer, JsonNode holder) {
        Iterator<Map.Entry<String, JsonNode>> media = holder.path("content").fields();
        while (media.hasNext()) {
            Map.Entry<String, JsonNode> type = media.next();
            String mediaPointer = pointer + "/content/" + escape(type.getKey());
            String schemaPointer = mediaPointer + "/schema";
            if (type.getValue().has("example")) {
                validate(where + " example", schemaPointer, type.getValue().get("example"));
            }
            type.getValue().path("examples").fields().forEachRemaining(example -> {
                JsonNode value = example.getValue().get("value");
                if (value == null) {
                    violations.add(where + " example '" + example.getKey() + "': has no value");
                } else {
                    validate(where + " example '" + example.getKey() + "'", schemaPointer, value);
                }
            });
        }
    }

    private void walkParameters(String where, String pointer, JsonNode parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            validateParameter(where + " parameter " + parameters.get(i).path("name").asText(),
                    pointer + "/" + i, parameters.get(i));
        }
    }

    private void validateParameter(String where, String pointer, JsonNode parameter) {
        if (parameter.has("example") && parameter.has("schema")) {
            validate(where + " example", pointer + "/schema", parameter.get("example"));
        }
    }

    /** Schema-level examples, down through properties and items, but not into property names. */
    private void walkSchemaExamples(String where, String pointer, JsonNode schema) {
        if (!schema.isObject() || schema.has("$ref")) {
            return;
        }
        if (schema.has("example")) {
            validate(where + " example", pointer, schema.get("example"));
        }
        schema.path("properties").fields().forEachRemaining(property -> walkSchemaExamples(
                where + "." + property.getKey(), pointer + "/properties/" + escape(property.getKey()), property.getValue()));
        for (String child : List.of("items", "additionalProperties", "not")) {
            walkSchemaExamples(where, pointer + "/" + child, schema.path(child));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode branches = schema.path(combinator);
            for (int i = 0; i < branches.size(); i++) {
                walkSchemaExamples(where, pointer + "/" + combinator + "/" + i, branches.get(i));
            }
        }
    }

    private void validate(String where, String schemaPointer, JsonNode example) {
        checked++;
        validatedPointers.add(schemaPointer);
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(documentLocation + "#" + schemaPointer));
            List<Error> errors = schema.validate(JSON.writeValueAsString(example), InputFormat.JSON);
            for (Error error : errors) {
                violations.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
            }
        } catch (Exception e) {
            violations.add(where + ": cannot validate against #" + schemaPointer + ": " + e.getMessage());
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
