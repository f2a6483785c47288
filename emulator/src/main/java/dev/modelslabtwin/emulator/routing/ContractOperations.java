package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the contract says about each operation beyond its route: whether it needs a bearer token and
 * which scope, the limiter that counts it, whether it takes an {@code Idempotency-Key}, and its default
 * success status. Read from the document, never restated: from its JSON form as a plain tree, which
 * is quick where parsing it as OpenAPI is the slowest part of a start.
 */
public final class ContractOperations {

    /**
     * One operation's facts, by operationId. {@code limiterKeyedByEmail}: its limiter counts requests by
     * IP and the body's email (the contract's {@code keyed-by}), not by IP and user. {@code basePath}:
     * what its path is relative to — the API's base, or the path of the path item's own first server
     * (empty for the site root, where the verification link's compatibility route is).
     */
    public record Facts(String operationId, boolean secured, String requiredScope, String limiter,
                        boolean limiterKeyedByEmail, boolean idempotent, int successStatus, String basePath) {
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final JsonNode DOCUMENT = BundledContract.tree();
    private static final Map<String, Facts> FACTS = facts();

    private ContractOperations() {
    }

    /** The live API's limiters and their requests per minute, as the contract's {@code x-rate-limiters} declare them. */
    public static Map<String, Integer> rateLimits() {
        Map<String, Integer> limits = new TreeMap<>();
        DOCUMENT.path("x-rate-limiters").fields().forEachRemaining(limiter -> {
            JsonNode perMinute = limiter.getValue().path("requests-per-minute");
            if (perMinute.isNumber()) {
                limits.put(limiter.getKey(), perMinute.intValue());
            }
        });
        return limits;
    }

    /**
     * The limiter that counts requests no operation answers (an unknown path, a known path with another
     * method), as the contract's root {@code x-unrouted-rate-limiter} names it.
     */
    public static String unroutedLimiter() {
        return DOCUMENT.path("x-unrouted-rate-limiter").asText();
    }

    public static Facts of(String operationId) {
        Facts facts = FACTS.get(operationId);
        if (facts == null) {
            throw new IllegalArgumentException("the contract has no operation " + operationId);
        }
        return facts;
    }

    private static Map<String, Facts> facts() {
        Map<String, Facts> facts = new HashMap<>();
        String apiBase = serverPath(DOCUMENT.path("servers"));
        for (Iterator<Map.Entry<String, JsonNode>> paths = DOCUMENT.path("paths").fields(); paths.hasNext(); ) {
            JsonNode item = paths.next().getValue();
            String base = item.has("servers") ? serverPath(item.get("servers")) : apiBase;
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    Facts fact = factsOf(op.getValue(), base);
                    facts.put(fact.operationId(), fact);
                }
            }
        }
        return Map.copyOf(facts);
    }

    /** The path of the first server's URL, without a trailing slash: {@code /api/agents/v1}, or empty for a host root. */
    private static String serverPath(JsonNode servers) {
        String path = URI.create(servers.path(0).path("url").asText()).getPath();
        return path == null ? "" : path.replaceAll("/+$", "");
    }

    private static Facts factsOf(JsonNode op, String basePath) {
        int success = 200;
        int lowest = Integer.MAX_VALUE;
        for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2")) {
                lowest = Math.min(lowest, Integer.parseInt(code));
            }
        }
        if (lowest != Integer.MAX_VALUE) {
            success = lowest;
        }
        boolean idempotent = false;
        for (JsonNode parameter : op.path("parameters")) {
            idempotent |= "Idempotency-Key".equalsIgnoreCase(resolve(parameter).path("name").asText());
        }
        JsonNode scope = op.path("x-required-scope");
        JsonNode limiter = op.path("x-rate-limiter");
        String limiterName = limiter.isMissingNode() ? "null" : limiter.asText();
        boolean keyedByEmail = DOCUMENT.path("x-rate-limiters").path(limiterName).path("keyed-by").asText()
                .toLowerCase(Locale.ROOT).contains("email");
        return new Facts(op.path("operationId").asText(), secured(op), scope.isTextual() ? scope.asText() : null,
                limiterName, keyedByEmail, idempotent, success, basePath);
    }

    /** Whether the operation needs a bearer token: its own security, else the document's. */
    private static boolean secured(JsonNode op) {
        JsonNode security = op.has("security") ? op.get("security") : DOCUMENT.path("security");
        for (JsonNode requirement : security) {
            if (requirement.has("bearerAuth")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? DOCUMENT.at(node.get("$ref").asText().substring(1)) : node;
    }
}
