package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * The request's parameters and body converted to the types the generated interface declares. The
 * request has been validated against the contract before; a value the contract allows and the Java
 * type cannot hold is refused as the client's mistake.
 */
public final class BoundRequest {

    private final Context http;
    private final JsonNode body;

    BoundRequest(Context http, JsonNode body) {
        this.http = http;
        this.body = body;
    }

    /** A request another document than the contract has validated (the control API's), bound the same way. */
    public static BoundRequest of(Context http, JsonNode body) {
        return new BoundRequest(http, body);
    }

    public <T> T path(String name, Class<T> type) {
        return convert(name, http.pathParamMap().get(name), type);
    }

    public <T> T query(String name, Class<T> type) {
        return convert(name, http.queryParam(name), type);
    }

    /** The parameter, or the contract's {@code default} for it when the request leaves it out. */
    public <T> T query(String name, Class<T> type, T contractDefault) {
        T value = query(name, type);
        return value == null ? contractDefault : value;
    }

    public <T> T header(String name, Class<T> type) {
        return convert(name, http.header(name), type);
    }

    /** The header, or the contract's {@code default} for it when the request leaves it out. */
    public <T> T header(String name, Class<T> type, T contractDefault) {
        T value = header(name, type);
        return value == null ? contractDefault : value;
    }

    public <T> T body(String name, Class<T> type) {
        if (body == null || body.isMissingNode()) {
            return null;
        }
        if (body.isNull()) {
            // Every request body of the contract is an object; the request validator lets a JSON null
            // through where the body's schema is an anyOf behind a $ref.
            throw unreadable("body", "The request body must be a JSON object.");
        }
        try {
            return Json.MAPPER.convertValue(body, type);
        } catch (IllegalArgumentException unfit) {
            throw unreadable("body", "The request body does not have the form this operation takes.");
        }
    }

    private static <T> T convert(String name, String raw, Class<T> type) {
        if (raw == null) {
            return null;
        }
        if (type == String.class) {
            return type.cast(raw);
        }
        try {
            return Json.MAPPER.convertValue(TextNode.valueOf(raw), type);
        } catch (IllegalArgumentException unfit) {
            throw unreadable(name, "The " + name + " is not a value the API can read.");
        }
    }

    /**
     * What the contract did not rule out and the typed method cannot take (a number beyond its Java
     * type, say) is still the client's mistake: 422, never a 500.
     */
    private static ApiProblem unreadable(String field, String message) {
        return ApiProblem.validation(Map.of(field, List.of(message)));
    }
}
