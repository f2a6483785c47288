package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.openapi.Contract;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The contract and its browsable documentation, served by the emulator itself, offline. */
public final class DocumentationRoutes {

    private DocumentationRoutes() {
    }

    public static void install(JavalinConfig config) {
        config.routes.addHttpHandler(HandlerType.GET, "/openapi.yaml",
                http -> http.contentType("application/yaml; charset=utf-8").result(Contract.yaml()));
        config.routes.addHttpHandler(HandlerType.GET, "/openapi.json",
                http -> http.contentType("application/json").result(Contract.json()));
        config.routes.addHttpHandler(HandlerType.GET, "/docs", http -> http.redirect("/docs/"));
        config.routes.addHttpHandler(HandlerType.GET, "/docs/",
                http -> resource(http, Contract.DOCS_RESOURCE, "text/html; charset=utf-8"));
        config.routes.addHttpHandler(HandlerType.GET, "/docs/redoc.standalone.js",
                http -> resource(http, "docs/redoc.standalone.js", "application/javascript"));
    }

    private static void resource(Context http, String name, String contentType) {
        try (InputStream in = DocumentationRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the openapi jar");
            }
            http.contentType(contentType).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
