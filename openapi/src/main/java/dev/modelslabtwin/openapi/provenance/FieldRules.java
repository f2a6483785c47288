package dev.modelslabtwin.openapi.provenance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field rules of what clients send: every constraint keyword (minimum, maximum, pattern, enum, ...,
 * a schema's {@code required} list, a parameter's {@code required}, an {@code anyOf} of required lists,
 * and any {@code x-} extension that shapes validation) of the request bodies and parameters of each
 * operation, with the provenance that covers it.
 * <p>
 * Granularity: a rule's provenance is its own schema's {@code x-provenance} — either one provenance value
 * for all of that schema's rules, or a map from keyword (or several, separated by spaces) to provenance
 * — else the nearest enclosing schema's single provenance value. So a request schema whose rules all
 * come from one page says so once, and a property whose limit is a guess says that beside the limit.
 * Answers are not walked: what an operation answers has its provenance on the operation ({@code answer}).
 */
public final class FieldRules {

    /** The schema keywords that constrain a value, in the order they are reported. */
    public static final List<String> KEYWORDS = List.of("required", "anyOf", "oneOf", "enum", "pattern", "format",
            "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
            "minItems", "maxItems", "uniqueItems", "default");
    /** Formats that say how a number is stored rather than what it may be. */
    private static final Set<String> REPRESENTATION_FORMATS = Set.of("int32", "int64");

    /**
     * One rule as a client meets it: {@code where} the field travels ({@code body.amount},
     * {@code query limit}), the named schema that holds the keyword (or null), the keyword and its value
     * as written, and its provenance (null when none covers it). {@code pointer} identifies the rule
     * across operations that share a schema.
     */
    public record Rule(String pointer, String operation, String where, String schema, String keyword, String value,
                       Provenance provenance) {

        public String id() {
            return pointer + " " + keyword;
        }
    }

    private final JsonNode document;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    /** The operation being walked, e.g. {@code POST /wallet/fund}: where a rule was first met. */
    private String operation;
    private final Set<String> problems = new java.util.LinkedHashSet<>();

    private FieldRules(JsonNode document) {
        this.document = document;
    }

    /** The rules of one operation's request: its parameters first, then its body. */
    public static List<Rule> of(JsonNode document, String path, String method) {
        FieldRules walk = new FieldRules(document);
        walk.operation(path, method);
        return List.copyOf(walk.rules.values());
    }

    /**
     * Every request rule of the document once, and what is wrong with the provenance of each: a rule no
     * provenance covers, a malformed value, a key naming a keyword its schema does not have.
     */
    public static Result all(JsonNode document) {
        FieldRules walk = new FieldRules(document);
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (method.getValue().has("responses")) {
                walk.operation(path.getKey(), method.getKey());
            }
        }));
        for (Rule rule : walk.rules.values()) {
            if (rule.provenance() == null) {
                walk.problems.add(rule.operation() + " " + rule.where() + (rule.schema() == null ? "" : " (" + rule.schema() + ")") + ": the rule "
                        + rule.keyword() + " " + rule.value() + " has no x-provenance (on the field, or on a schema holding it)");
            }
        }
        return new Result(List.copyOf(walk.rules.values()), List.copyOf(walk.problems));
    }

    /** All the request rules of a document, and the problems of their provenance. */
    public record Result(List<Rule> rules, List<String> problems) {
    }

    private void operation(String path, String method) {
        String pathPointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1");
        JsonNode pathItem = resolve(pathPointer);
        JsonNode operation = pathItem.path(method);
        this.operation = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < pathItem.path("parameters").size(); i++) {
            parameters.add(pathPointer + "/parameters/" + i);
        }
        for (int i = 0; i < operation.path("parameters").size(); i++) {
            parameters.add(pathPointer + "/" + method + "/parameters/" + i);
        }
        for (String parameter : parameters) {
            parameter(parameter);
        }
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            schema(pathPointer + "/" + method + "/requestBody", "body", null, body, null, new HashSet<>());
        }
    }

    private void parameter(String at) {
        JsonNode declared = resolve(at);
        String pointer = declared.has("$ref") ? declared.get("$ref").asText() : at;
        JsonNode parameter = declared.has("$ref") ? resolve(pointer) : declared;
        if (parameter == null) {
            return;
        }
        String where = parameter.path("in").asText() + " " + parameter.path("name").asText();
        JsonNode schema = parameter.path("schema");
        Declared own = declared(where, parameter.get("x-provenance"));
        Map<String, JsonNode> keywords = new LinkedHashMap<>();
        if (parameter.path("required").asBoolean() && !parameter.path("in").asText().equals("path")) {
            keywords.put("required", parameter.get("required"));
        }
        if (!schema.has("$ref")) {
            keywords.putAll(keywordsOf(schema));
        }
        Declared ofSchema = declared(where, schema.get("x-provenance"));
        checkKeys(where, own, keywords.keySet());
        checkKeys(where, ofSchema, keywords.keySet());
        for (Map.Entry<String, JsonNode> keyword : keywords.entrySet()) {
            Provenance provenance = ofSchema.lookup(keyword.getKey()).or(() -> own.lookup(keyword.getKey())).orElse(null);
            add(new Rule(pointer, operation, where, null, keyword.getKey(), text(keyword.getValue()), provenance));
        }
        if (schema.has("$ref")) {
            schema(pointer + "/schema", where, null, schema, null, new HashSet<>());
        }
    }

    private void schema(String pointer, String where, String schemaName, JsonNode node, Provenance inherited, Set<String> visiting) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode named = resolve(ref);
            if (named == null || !visiting.add(ref)) {
                return;
            }
            schema(ref, where, ref.substring(ref.lastIndexOf('/') + 1), named, null, visiting);
            visiting.remove(ref);
            return;
        }
        Map<String, JsonNode> keywords = keywordsOf(node);
        Declared own = declared(where, node.get("x-provenance"));
        checkKeys(where, own, keywords.keySet());
        for (Map.Entry<String, JsonNode> keyword : keywords.entrySet()) {
            Provenance provenance = own.lookup(keyword.getKey()).orElse(inherited);
            add(new Rule(pointer, operation, where, schemaName, keyword.getKey(), text(keyword.getValue()), provenance));
        }
        Provenance forChildren = own.single().orElse(inherited);
        node.path("properties").fields().forEachRemaining(property -> schema(pointer + "/properties/" + property.getKey(),
                where + "." + property.getKey(), schemaName, property.getValue(), forChildren, visiting));
        if (node.has("items")) {
            schema(pointer + "/items", where + "[]", schemaName, node.get("items"), forChildren, visiting);
        }
        if (node.path("additionalProperties").isObject()) {
            schema(pointer + "/additionalProperties", where + "{}", schemaName, node.get("additionalProperties"), forChildren, visiting);
        }
        for (int i = 0; i < node.path("allOf").size(); i++) {
            schema(pointer + "/allOf/" + i, where, schemaName, node.path("allOf").get(i), forChildren, visiting);
        }
    }

    /** The constraint keywords {@code schema} carries, with the extensions that shape validation. */
    private static Map<String, JsonNode> keywordsOf(JsonNode schema) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (String keyword : KEYWORDS) {
            JsonNode value = schema.get(keyword);
            if (value == null || keyword.equals("format") && REPRESENTATION_FORMATS.contains(value.asText())) {
                continue;
            }
            if (keyword.equals("required") && !value.isArray()) {
                continue;
            }
            found.put(keyword, value);
        }
        schema.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-") && !name.equals("x-provenance")) {
                found.put(name, schema.get(name));
            }
        });
        return found;
    }

    /** What an {@code x-provenance} of a schema or parameter says: one value, a map by keyword, or nothing. */
    private record Declared(Provenance one, Map<String, Provenance> byKeyword) {

        static final Declared NONE = new Declared(null, Map.of());

        Optional<Provenance> single() {
            return Optional.ofNullable(one);
        }

        Optional<Provenance> lookup(String keyword) {
            if (one != null) {
                return Optional.of(one);
            }
            for (Map.Entry<String, Provenance> entry : byKeyword.entrySet()) {
                if (Arrays.asList(entry.getKey().split("\\s+")).contains(keyword)) {
                    return Optional.of(entry.getValue());
                }
            }
            return Optional.empty();
        }
    }

    private Declared declared(String where, JsonNode node) {
        if (node == null) {
            return Declared.NONE;
        }
        if (Provenance.looksLikeOne(node)) {
            Optional<Provenance> single = Provenance.of(node);
            if (single.isEmpty()) {
                problems.add(operation + " " + where + ": x-provenance " + node + " is not a provenance value");
            }
            return new Declared(single.orElse(null), Map.of());
        }
        if (!node.isObject()) {
            problems.add(operation + " " + where + ": x-provenance must be {documented|inferred|emulator: ...} or a map from keyword to one");
            return Declared.NONE;
        }
        Map<String, Provenance> byKeyword = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            Optional<Provenance> value = Provenance.of(entry.getValue());
            if (value.isEmpty()) {
                problems.add(operation + " " + where + ": x-provenance of " + entry.getKey() + " is not {documented|inferred|emulator: ...}");
            } else {
                byKeyword.put(entry.getKey(), value.get());
            }
        }
        return new Declared(null, byKeyword);
    }

    /** A key of a provenance map must name keywords the schema has: a stale one misleads. */
    private void checkKeys(String where, Declared declared, Set<String> keywords) {
        for (String key : declared.byKeyword().keySet()) {
            for (String keyword : key.split("\\s+")) {
                if (!keywords.contains(keyword)) {
                    problems.add(operation + " " + where + ": x-provenance names " + keyword + ", which " + where + " does not have (it has "
                            + keywords + ")");
                }
            }
        }
    }

    private void add(Rule rule) {
        rules.putIfAbsent(rule.id(), rule);
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode node = document.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }

    private static String text(JsonNode value) {
        if (value.isArray() && value.size() > 8) {
            return "[" + value.get(0).asText() + ", " + value.get(1).asText() + ", … " + value.size() + " values]";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
