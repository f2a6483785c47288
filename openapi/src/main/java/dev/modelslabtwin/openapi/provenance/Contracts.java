package dev.modelslabtwin.openapi.provenance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The operations of a bundled document read as JSON, and the few facts about them provenance needs. */
final class Contracts {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Selections a root behaviour may name instead of listing its operations. */
    static final List<String> SELECTORS = List.of("all", "secured", "public", "keyed", "scoped");

    private Contracts() {
    }

    /** One operation: where it is, its JSON node, and what selections it belongs to. */
    record Op(String path, String method, JsonNode node, String id, String tag, boolean secured, boolean keyed) {

        String label() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        boolean scoped() {
            return node.has("x-required-scope");
        }

        boolean selectedBy(String selector) {
            return switch (selector) {
                case "all" -> true;
                case "secured" -> secured;
                case "public" -> !secured;
                case "keyed" -> keyed;
                case "scoped" -> scoped();
                default -> false;
            };
        }
    }

    /** Every operation, in document order. */
    static List<Op> operations(JsonNode document) {
        boolean securedByDefault = !document.path("security").isEmpty();
        List<Op> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            JsonNode op = method.getValue();
            boolean secured = op.has("security") ? !op.get("security").isEmpty() : securedByDefault;
            boolean keyed = false;
            for (JsonNode parameter : op.path("parameters")) {
                JsonNode resolved = resolve(document, parameter);
                keyed |= resolved.path("in").asText().equals("header") && resolved.path("name").asText().equalsIgnoreCase("Idempotency-Key");
            }
            operations.add(new Op(path.getKey(), method.getKey(), op, op.path("operationId").asText(),
                    op.path("tags").path(0).asText(), secured, keyed));
        }));
        return operations;
    }

    /** {@code node}, or what its local {@code $ref} points at. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref != null && ref.asText().startsWith("#/") ? document.at(ref.asText().substring(1)) : node;
    }

    /** The HTTP statuses an error-catalogue entry is answered with, as strings. */
    static List<String> statuses(JsonNode entry) {
        JsonNode status = entry.path("status");
        List<String> statuses = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(s -> statuses.add(s.asText()));
        } else if (!status.isMissingNode() && !status.isNull()) {
            statuses.add(status.asText());
        }
        return statuses;
    }
}
