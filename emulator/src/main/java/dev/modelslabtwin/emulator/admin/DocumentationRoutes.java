package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.DocsPage;
import dev.modelslabtwin.openapi.provenance.ParityPage;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The contract, its browsable documentation and its parity page, served by the emulator itself, offline. */
public final class DocumentationRoutes {

    /** Where the Redoc bundle is served; the control API's docs page loads it from here too. */
    public static final String REDOC_PATH = "/docs/redoc.standalone.js";
    /** The parity page, generated from the contract's provenance at build time. */
    public static final String PARITY_PATH = "/docs/parity";

    private DocumentationRoutes() {
    }

    public static void install(JavalinConfig config) {
        config.routes.addHttpHandler(HandlerType.GET, "/openapi.yaml",
                http -> http.contentType("application/yaml; charset=utf-8").result(Contract.yaml()));
        config.routes.addHttpHandler(HandlerType.GET, "/openapi.json",
                http -> http.contentType("application/json").result(Contract.json()));
        // One route for /docs and /docs/ (Javalin ignores trailing slashes): the page must be read at
        // /docs/, or its relative script URL would miss, so /docs redirects there.
        config.routes.addHttpHandler(HandlerType.GET, "/docs", http -> {
            if (http.path().endsWith("/")) {
                resource(http, Contract.DOCS_RESOURCE, "text/html; charset=utf-8");
            } else {
                http.redirect("/docs/");
            }
        });
        // Where each behaviour comes from (documented, inferred, the emulator's own), per operation.
        config.routes.addHttpHandler(HandlerType.GET, PARITY_PATH,
                http -> resource(http, ParityPage.RESOURCE, "text/html; charset=utf-8"));
        config.routes.addHttpHandler(HandlerType.GET, REDOC_PATH,
                http -> resource(http, DocsPage.REDOC_RESOURCE, "application/javascript"));
        config.routes.addHttpHandler(HandlerType.GET, "/", http -> http.redirect("/docs/"));
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
