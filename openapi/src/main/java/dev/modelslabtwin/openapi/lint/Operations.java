package dev.modelslabtwin.openapi.lint;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

import java.util.Map;

/** Walks every operation of a document in document order. */
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

    public static int count(OpenAPI api) {
        int[] count = {0};
        forEach(api, (method, path, item, op) -> count[0]++);
        return count[0];
    }
}
