package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Turns the contract's OpenAPI 3.0 schemas into the JSON Schema (2020-12) an MCP tool's input schema is
 * written in: references inlined (an MCP client gets one self-contained schema), {@code nullable} as a
 * {@code "null"} type, {@code example} as {@code examples}, OpenAPI's own formats ({@code int64},
 * {@code double}) and extensions left out. Also merges the schemas several actions of one tool give the
 * same argument into the loosest one that still says what they agree on.
 */
final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keywords that mean the same in both dialects and are copied as they are. */
    private static final List<String> COPIED = List.of("title", "description", "type", "enum", "default", "minimum",
            "maximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
            "required", "deprecated");
    /** Formats JSON Schema defines; OpenAPI's numeric ones ({@code int64}, {@code double}) are not. */
    private static final Set<String> JSON_SCHEMA_FORMATS = Set.of("date-time", "date", "time", "duration", "email",
            "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference",
            "uuid", "uri-template", "json-pointer", "relative-json-pointer", "regex");
    private static final int MAX_DEPTH = 32;

    private final JsonNode document;

    JsonSchemas(JsonNode document) {
        this.document = document;
    }

    /** {@code node} with its {@code $ref}, if any, followed (to the end of a chain of them). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > MAX_DEPTH) {
                throw new IllegalStateException("a $ref chain longer than " + MAX_DEPTH + " at " + node);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only internal $refs are supported, not " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
        }
        return current;
    }

    /** The JSON Schema equivalent of an OpenAPI schema, self-contained. */
    ObjectNode convert(JsonNode openApiSchema) {
        return convert(openApiSchema, 0);
    }

    private ObjectNode convert(JsonNode openApiSchema, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("schema nested deeper than " + MAX_DEPTH + " levels (a recursive schema?)");
        }
        JsonNode schema = resolve(openApiSchema);
        ObjectNode out = NODES.objectNode();
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                mergeObjectParts(out, convert(part, depth + 1));
            }
        }
        for (String keyword : COPIED) {
            if (schema.has(keyword)) {
                out.set(keyword, schema.get(keyword).deepCopy());
            }
        }
        if (schema.path("format").isTextual() && JSON_SCHEMA_FORMATS.contains(schema.get("format").asText())) {
            out.put("format", schema.get("format").asText());
        }
        if (schema.path("exclusiveMinimum").asBoolean(false) && schema.has("minimum")) {
            out.set("exclusiveMinimum", out.remove("minimum"));
        }
        if (schema.path("exclusiveMaximum").asBoolean(false) && schema.has("maximum")) {
            out.set("exclusiveMaximum", out.remove("maximum"));
        }
        if (schema.has("example")) {
            out.putArray("examples").add(schema.get("example").deepCopy());
        }
        if (schema.has("items")) {
            out.set("items", convert(schema.get("items"), depth + 1));
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (schema.has(alternatives)) {
                ArrayNode converted = out.putArray(alternatives);
                schema.get(alternatives).forEach(branch -> converted.add(convert(branch, depth + 1)));
            }
        }
        if (schema.has("properties")) {
            ObjectNode properties = out.putObject("properties");
            schema.get("properties").fields().forEachRemaining(property ->
                    properties.set(property.getKey(), convert(property.getValue(), depth + 1)));
        }
        if (schema.has("additionalProperties")) {
            JsonNode additional = schema.get("additionalProperties");
            out.set("additionalProperties", additional.isBoolean() ? additional : convert(additional, depth + 1));
        }
        if (schema.path("nullable").asBoolean(false)) {
            allowNull(out);
        }
        return out;
    }

    private static void mergeObjectParts(ObjectNode into, ObjectNode part) {
        part.fields().forEachRemaining(field -> {
            if (field.getKey().equals("properties") && into.has("properties")) {
                ((ObjectNode) into.get("properties")).setAll((ObjectNode) field.getValue());
            } else if (field.getKey().equals("required") && into.has("required")) {
                Set<String> required = new LinkedHashSet<>(texts(into.get("required")));
                required.addAll(texts(field.getValue()));
                into.set("required", texts(required));
            } else if (!into.has(field.getKey())) {
                into.set(field.getKey(), field.getValue());
            }
        });
    }

    private static void allowNull(ObjectNode schema) {
        if (schema.has("type")) {
            Set<String> types = new LinkedHashSet<>(types(schema));
            types.add("null");
            schema.set("type", types.size() == 1 ? NODES.textNode(types.iterator().next()) : texts(types));
        }
        if (schema.has("enum")) {
            ArrayNode values = (ArrayNode) schema.get("enum");
            boolean hasNull = false;
            for (JsonNode value : values) {
                hasNull |= value.isNull();
            }
            if (!hasNull) {
                values.addNull();
            }
        }
    }

    /**
     * The loosest schema that every one of {@code schemas} fits in: what they all say alike is kept,
     * bounds are widened to the widest, anything they disagree on otherwise is left out. An argument
     * several actions share is checked by each action's REST operation anyway; its tool schema must
     * never refuse what one of them accepts.
     */
    static ObjectNode loosest(List<ObjectNode> schemas) {
        ObjectNode first = schemas.get(0);
        if (schemas.stream().allMatch(first::equals)) {
            return first.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        Set<String> types = new LinkedHashSet<>();
        boolean allTyped = true;
        for (ObjectNode schema : schemas) {
            allTyped &= schema.has("type");
            types.addAll(types(schema));
        }
        if (allTyped) {
            out.set("type", types.size() == 1 ? NODES.textNode(types.iterator().next()) : texts(types));
        }
        widest(schemas, out, "minimum", BigDecimal::min);
        widest(schemas, out, "exclusiveMinimum", BigDecimal::min);
        widest(schemas, out, "maximum", BigDecimal::max);
        widest(schemas, out, "exclusiveMaximum", BigDecimal::max);
        widest(schemas, out, "minLength", BigDecimal::min);
        widest(schemas, out, "maxLength", BigDecimal::max);
        widest(schemas, out, "minItems", BigDecimal::min);
        widest(schemas, out, "maxItems", BigDecimal::max);
        for (String keyword : List.of("multipleOf", "pattern", "format", "items", "uniqueItems", "properties",
                "required", "additionalProperties", "default", "examples", "anyOf", "oneOf")) {
            JsonNode value = first.get(keyword);
            if (value != null && schemas.stream().allMatch(schema -> value.equals(schema.get(keyword)))) {
                out.set(keyword, value.deepCopy());
            }
        }
        if (schemas.stream().allMatch(schema -> schema.has("enum"))) {
            Set<JsonNode> values = new LinkedHashSet<>();
            schemas.forEach(schema -> schema.get("enum").forEach(values::add));
            ArrayNode union = out.putArray("enum");
            values.forEach(union::add);
        }
        return out;
    }

    /** Sets {@code keyword} to the widest of the schemas' values, or leaves it out when one of them has none. */
    private static void widest(List<ObjectNode> schemas, ObjectNode out, String keyword, BinaryOperator<BigDecimal> wider) {
        BigDecimal widest = null;
        for (ObjectNode schema : schemas) {
            JsonNode value = schema.get(keyword);
            if (value == null || !value.isNumber()) {
                return;
            }
            widest = widest == null ? value.decimalValue() : wider.apply(widest, value.decimalValue());
        }
        out.put(keyword, widest);
    }

    /** A short reading of a schema's limits for a description, e.g. {@code "10 to 10000, multiple of 0.01"}. */
    static String limits(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        range(parts, schema.get("minimum"), schema.get("maximum"), "");
        range(parts, schema.get("minLength"), schema.get("maxLength"), " characters");
        if (schema.has("multipleOf")) {
            parts.add("multiple of " + schema.get("multipleOf").asText());
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(value -> values.add(value.isNull() ? "null" : value.asText()));
            parts.add("one of " + String.join(", ", values));
        }
        if (schema.has("format")) {
            parts.add(schema.get("format").asText());
        }
        return String.join(", ", parts);
    }

    private static void range(List<String> parts, JsonNode low, JsonNode high, String unit) {
        if (low != null && high != null) {
            parts.add(low.asText() + " to " + high.asText() + unit);
        } else if (low != null) {
            parts.add("at least " + low.asText() + (low.asText().equals("1") ? unit.replaceAll("s$", "") : unit));
        } else if (high != null) {
            parts.add("at most " + high.asText() + unit);
        }
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> items = array.elements(); items.hasNext(); ) {
            texts.add(items.next().asText());
        }
        return texts;
    }

    private static ArrayNode texts(Iterable<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** The schema as a plain map, the form the MCP SDK carries input schemas in. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(ObjectNode schema) {
        return dev.modelslabtwin.emulator.routing.Json.MAPPER.convertValue(schema, Map.class);
    }
}
