package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request's body, read and parsed once for every layer that needs it (throttling, validation, binding). */
record RequestBody(String text, JsonNode json, boolean malformed, long tooLargeBytes) {

    static final String NOT_JSON = "The request body is not valid JSON.";

    /**
     * The largest body an API request may have: every request the contract describes fits in a few
     * KiB, so a bigger one is a mistake (or an attack) and is refused before it is parsed or validated.
     */
    static final int MAX_BYTES = 64 * 1024;

    /**
     * A body declared larger than {@link #MAX_BYTES} but not larger than this is read and thrown away
     * before the 413 goes out: answered while the client was still sending, the connection was closed
     * under it and the client saw no answer at all.
     */
    static final int MAX_DRAINED_BYTES = 1024 * 1024;

    static RequestBody of(Context http) {
        long declared = http.contentLength();
        if (declared > MAX_BYTES) {
            if (declared <= MAX_DRAINED_BYTES) {
                drain(http);
            }
            return new RequestBody("", null, false, declared);
        }
        byte[] bytes = read(http);
        if (bytes.length > MAX_BYTES) {
            return new RequestBody("", null, false, bytes.length);
        }
        String text = decode(http, bytes);
        if (text.isBlank()) {
            return new RequestBody(text, null, false, 0);
        }
        try {
            return new RequestBody(text, Json.MAPPER.readTree(text), false, 0);
        } catch (JsonProcessingException notJson) {
            // Reported as a validation error once the request is counted and checked; not a failure here.
            return new RequestBody(text, null, true, 0);
        }
    }

    /** The body's bytes; 400 {@code bad_request} when the framing is broken (a bad chunk, a connection closed early). */
    private static byte[] read(Context http) {
        try {
            return http.bodyAsBytes();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception unreadable) {
            // Jetty's parser reports a broken body as an IOException, which Kotlin code lets through unchecked.
            throw new ApiProblem(400, "bad_request", "The request body could not be read: " + unreadable.getMessage() + ".",
                    Map.of());
        }
    }

    private static void drain(Context http) {
        try (InputStream body = http.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException brokenOff) {
            // The client stopped sending: the 413 is all there is left to say.
        }
    }

    /** The body in the charset its Content-Type names; UTF-8 when it names none, or one that does not exist. */
    private static String decode(Context http, byte[] bytes) {
        try {
            return http.body();
        } catch (IllegalArgumentException unknownCharset) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Refuses a body over {@link #MAX_BYTES}: 413 {@code payload_too_large}. */
    void requireWithinLimit() {
        if (tooLargeBytes > 0) {
            throw new ApiProblem(413, "payload_too_large", "The request body may not be larger than " + MAX_BYTES + " bytes.",
                    Map.of("max_bytes", MAX_BYTES, "received_bytes", tooLargeBytes));
        }
    }

    /** Refuses a body that is not JSON, for operations whose contract did not already reject it. */
    void requireJson() {
        if (malformed) {
            throw ApiProblem.validation(Map.of("body", List.of(NOT_JSON)));
        }
    }
}
