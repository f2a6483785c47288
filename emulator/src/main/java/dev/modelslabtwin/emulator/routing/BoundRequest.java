package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;

/**
 * The request's parameters and body converted to the types the generated interface declares. The
 * request has been validated against the contract before, so a conversion that fails here is a bug
 * of ours, not the client's.
 */
public final class BoundRequest {

    private final Context http;
    private final JsonNode body;

    BoundRequest(Context http, JsonNode body) {
        this.http = http;
        this.body = body;
    }

    public <T> T path(String name, Class<T> type) {
        return convert(http.pathParamMap().get(name), type);
    }

    public <T> T query(String name, Class<T> type) {
        return convert(http.queryParam(name), type);
    }

    public <T> T header(String name, Class<T> type) {
        return convert(http.header(name), type);
    }

    public <T> T body(String name, Class<T> type) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return null;
        }
        return Json.MAPPER.convertValue(body, type);
    }

    private static <T> T convert(String raw, Class<T> type) {
        if (raw == null) {
            return null;
        }
        if (type == String.class) {
            return type.cast(raw);
        }
        return Json.MAPPER.convertValue(TextNode.valueOf(raw), type);
    }
}
