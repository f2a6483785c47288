package dev.modelslabtwin.conformance.negative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/** The broken values of one field, one per constraint its schema declares. */
final class Mutations {

    /** Where the field travels: a string is all a path, query or header value can be. */
    enum Location { BODY, QUERY, PATH, HEADER }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Mutations() {
    }

    @SuppressWarnings("rawtypes")
    static List<Mutation> of(String field, Schema schema, JsonNode example, Location location, Random random) {
        List<Mutation> mutations = new ArrayList<>();
        if (schema == null) {
            return mutations;
        }
        String type = schema.getType();
        if ("array".equals(type)) {
            arrayMutations(field, schema, example, random, mutations);
            return mutations;
        }
        wrongType(field, type, location, mutations);
        if ("integer".equals(type) || "number".equals(type)) {
            numberMutations(field, schema, example, "integer".equals(type), random, mutations);
        }
        if ("string".equals(type)) {
            stringMutations(field, schema, example, random, mutations);
        }
        return mutations;
    }

    private static void wrongType(String field, String type, Location location, List<Mutation> mutations) {
        if (type == null) {
            return;
        }
        switch (type) {
            case "integer", "number" -> mutations.add(new Mutation("type", "of the wrong type (a word for a " + type + ")",
                    TextNode.valueOf("not-a-number"), field));
            case "boolean" -> mutations.add(new Mutation("type", "of the wrong type (a word for a boolean)",
                    TextNode.valueOf("not-a-boolean"), field));
            case "object" -> mutations.add(new Mutation("type", "of the wrong type (a word for an object)",
                    TextNode.valueOf("not-an-object"), field));
            case "string" -> {
                // In a path, query or header everything is text: only a JSON body can carry another type.
                if (location == Location.BODY) {
                    mutations.add(new Mutation("type", "of the wrong type (a number for a string)", LongNode.valueOf(12345), field));
                }
            }
            default -> { }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void numberMutations(String field, Schema schema, JsonNode example, boolean integer, Random random,
                                        List<Mutation> mutations) {
        BigDecimal step = schema.getMultipleOf() != null ? schema.getMultipleOf() : integer ? BigDecimal.ONE : new BigDecimal("0.01");
        BigDecimal minimum = schema.getMinimum();
        BigDecimal maximum = schema.getMaximum();
        if (minimum != null) {
            BigDecimal edge = Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? minimum : minimum.subtract(step);
            mutations.add(new Mutation("minimum", "below its minimum " + plain(minimum) + " (" + plain(edge) + ")", number(edge, integer), field));
            BigDecimal far = edge.subtract(step.multiply(BigDecimal.valueOf(1 + random.nextInt(100_000))));
            mutations.add(new Mutation("minimum", "below its minimum " + plain(minimum) + " (" + plain(far) + ", drawn)", number(far, integer), field));
        }
        if (maximum != null) {
            BigDecimal edge = Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? maximum : maximum.add(step);
            mutations.add(new Mutation("maximum", "above its maximum " + plain(maximum) + " (" + plain(edge) + ")", number(edge, integer), field));
            BigDecimal far = edge.add(step.multiply(BigDecimal.valueOf(1 + random.nextInt(10_000_000))));
            mutations.add(new Mutation("maximum", "above its maximum " + plain(maximum) + " (" + plain(far) + ", drawn)", number(far, integer), field));
        }
        if (!integer && schema.getMultipleOf() != null) {
            BigDecimal valid = example != null && example.isNumber() ? example.decimalValue() : minimum != null ? minimum : BigDecimal.TEN;
            BigDecimal offGrid = valid.add(schema.getMultipleOf().divide(BigDecimal.TEN));
            if (maximum != null && offGrid.compareTo(maximum) > 0) {
                offGrid = valid.subtract(schema.getMultipleOf().divide(BigDecimal.TEN));
            }
            mutations.add(new Mutation("multipleOf", "not a multiple of " + plain(schema.getMultipleOf()) + " (" + plain(offGrid) + ")",
                    DecimalNode.valueOf(offGrid), field));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void stringMutations(String field, Schema schema, JsonNode example, Random random, List<Mutation> mutations) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            String word;
            do {
                word = "zz_" + word(random, 6);
            } while (schema.getEnum().contains(word));
            mutations.add(new Mutation("enum", "not in its enum (" + word + ")", TextNode.valueOf(word), field));
        }
        if (schema.getPattern() != null) {
            Pattern pattern = Pattern.compile(schema.getPattern());
            String word;
            do {
                word = "zz" + word(random, 4 + random.nextInt(12));
            } while (pattern.matcher(word).find());
            mutations.add(new Mutation("pattern", "not matching " + schema.getPattern() + " (" + word + ")", TextNode.valueOf(word), field));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            String shorter = "a".repeat(schema.getMinLength() - 1);
            mutations.add(new Mutation("minLength", "shorter than " + schema.getMinLength() + " characters", TextNode.valueOf(shorter), field));
        }
        if (schema.getMaxLength() != null) {
            mutations.add(new Mutation("maxLength", "longer than " + schema.getMaxLength() + " characters",
                    TextNode.valueOf(longer(schema, example, schema.getMaxLength() + 1)), field));
        }
        if ("email".equals(schema.getFormat())) {
            mutations.add(new Mutation("format", "not an email address", TextNode.valueOf("not-an-email-" + word(random, 5)), field));
        }
        if ("uri".equals(schema.getFormat())) {
            mutations.add(new Mutation("format", "not a URI", TextNode.valueOf("not a uri " + word(random, 5)), field));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void arrayMutations(String field, Schema schema, JsonNode example, Random random, List<Mutation> mutations) {
        mutations.add(new Mutation("type", "of the wrong type (a word for an array)", TextNode.valueOf("not-an-array"), field));
        Schema items = schema.getItems();
        JsonNode sample = example != null && example.isArray() && example.size() > 0 ? example.get(0)
                : items != null && items.getEnum() != null && !items.getEnum().isEmpty() ? TextNode.valueOf(items.getEnum().get(0).toString())
                : TextNode.valueOf("item");
        if (schema.getMinItems() != null && schema.getMinItems() > 0) {
            mutations.add(new Mutation("minItems", "with fewer than " + schema.getMinItems() + " items", NODES.arrayNode(), field));
        }
        if (Boolean.TRUE.equals(schema.getUniqueItems())) {
            ArrayNode twice = NODES.arrayNode().add(sample).add(sample);
            mutations.add(new Mutation("uniqueItems", "with an item twice (items must be unique)", twice, field));
        }
        if (items != null) {
            for (Mutation item : of(field + ".0", items, sample, Location.BODY, random)) {
                mutations.add(new Mutation(item.constraint(), "with an item " + item.label(), NODES.arrayNode().add(item.value()), item.field()));
            }
        }
    }

    /** A value of {@code length} characters, kept in the field's own shape where the example allows it. */
    @SuppressWarnings("rawtypes")
    private static String longer(Schema schema, JsonNode example, int length) {
        if ("uri".equals(schema.getFormat())) {
            String prefix = "https://conformance.example.com/";
            return prefix + "a".repeat(Math.max(1, length - prefix.length()));
        }
        if ("email".equals(schema.getFormat())) {
            String suffix = "@example.com";
            return "a".repeat(Math.max(1, length - suffix.length())) + suffix;
        }
        String start = example != null && example.isTextual() ? example.asText() : "";
        if (start.length() >= length) {
            start = "";
        }
        return start + "a".repeat(length - start.length());
    }

    private static JsonNode number(BigDecimal value, boolean integer) {
        return integer ? LongNode.valueOf(value.longValueExact()) : DecimalNode.valueOf(value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }
}
