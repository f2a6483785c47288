package dev.modelslabtwin.openapi.lint;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;

import java.net.URI;

import java.util.List;
import java.util.TreeMap;

import java.util.Map;

/** Walks every operation of a document in document order, and reads the facts shared by all of them. */
public final class Operations {

    /** What to do with one operation. */
    @FunctionalInterface
    public interface Visitor {
        void visit(PathItem.HttpMethod method, String path, PathItem pathItem, Operation operation);
    }

    private Operations() {
    }

    public static void forEach(OpenAPI api, Visitor visitor) {
        if (api.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                visitor.visit(op.getKey(), path.getKey(), path.getValue(), op.getValue());
            }
        }
    }

    /** Whether the operation needs a bearer token: its own security, else the document's. */
    public static boolean isSecured(OpenAPI api, Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
        return security != null && security.stream().anyMatch(requirement -> requirement.containsKey("bearerAuth"));
    }

    /** The root's {@code x-rate-limiters}: each limiter's name and its requests per minute. */
    public static Map<String, Integer> rateLimits(OpenAPI api) {
        Object declared = api.getExtensions() == null ? null : api.getExtensions().get("x-rate-limiters");
        Map<String, Integer> limits = new TreeMap<>();
        if (declared instanceof Map<?, ?> limiters) {
            limiters.forEach((name, facts) -> {
                Object perMinute = facts instanceof Map<?, ?> map ? map.get("requests-per-minute") : null;
                if (perMinute instanceof Number number) {
                    limits.put(name.toString(), number.intValue());
                }
            });
        }
        return limits;
    }

    /**
     * What a path is relative to: the path of its path item's own first server when it has servers (the
     * site root, {@code ""}, for the verification link), else that of the document's first server.
     */
    public static String basePath(OpenAPI api, PathItem pathItem) {
        List<Server> servers = pathItem.getServers() != null && !pathItem.getServers().isEmpty() ? pathItem.getServers()
                : api.getServers();
        String path = servers == null || servers.isEmpty() ? "" : URI.create(servers.get(0).getUrl()).getPath();
        return path == null ? "" : path.replaceAll("/+$", "");
    }

    public static int count(OpenAPI api) {
        int[] count = {0};
        forEach(api, (method, path, item, op) -> count[0]++);
        return count[0];
    }
}
