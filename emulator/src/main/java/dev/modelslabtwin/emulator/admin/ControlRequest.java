package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** A control request once the control document accepted it: its parameters and its body as JSON. */
record ControlRequest(Context http, JsonNode body) {

    String pathParam(String name) {
        return http.pathParam(name);
    }

    /** A numeric path parameter; the document already checked it is one. */
    long pathId() {
        return Long.parseLong(http.pathParam("id"));
    }

    String query(String name) {
        return http.queryParam(name);
    }
}
