package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The contract as a request and answer checker reads it: the bundle without what only people read
 * (descriptions, summaries, examples, external docs) and without the {@code x-} extensions, which no
 * validator looks at (a description is kept, empty, being required of a response). Two thirds of the document are such text; a start parses the rest in a third of
 * the time. Written at build time beside the bundle ({@link Contract#CHECKS_RESOURCE}).
 */
public final class ChecksView {

    /** Keywords of OpenAPI objects and JSON Schemas that change no check. */
    private static final Set<String> FOR_READERS = Set.of("description", "summary", "example", "examples", "externalDocs");
    /**
     * Objects whose keys are names chosen by the contract (a property called {@code description}, a
     * header, a media type), not keywords: their keys are all kept, their values are OpenAPI objects again.
     */
    private static final Set<String> NAMED_MAPS = Set.of("properties", "schemas", "parameters", "responses", "headers",
            "encoding", "mapping", "securitySchemes", "requestBodies", "links", "callbacks", "content", "paths",
            "variables", "scopes");

    private ChecksView() {
    }

    /** A copy of {@code contract} with only what checks read; {@code contract} is left as it is. */
    public static JsonNode of(JsonNode contract) {
        return copy(contract, false);
    }

    private static JsonNode copy(JsonNode node, boolean keysAreNames) {
        if (node.isArray()) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> items.add(copy(item, false)));
            return items;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (!keysAreNames && forReaders(key)) {
                if (key.equals("description")) {
                    // Required of a response object: kept, empty, so the document stays valid OpenAPI.
                    kept.put(key, "");
                }
                continue;
            }
            kept.set(key, copy(field.getValue(), !keysAreNames && NAMED_MAPS.contains(key)));
        }
        return kept;
    }

    private static boolean forReaders(String key) {
        return FOR_READERS.contains(key) || key.startsWith("x-");
    }
}
