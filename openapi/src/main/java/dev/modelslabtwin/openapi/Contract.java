package dev.modelslabtwin.openapi;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bundled contract as packaged in this artifact. The emulator, the client tests and the
 * conformance suite all load it from here, so they check against the same bytes the build linted.
 */
public final class Contract {

    public static final String YAML_RESOURCE = "openapi/modelslab-agents.yaml";
    public static final String JSON_RESOURCE = "openapi/modelslab-agents.json";
    public static final String DOCS_RESOURCE = "docs/index.html";

    private static volatile OpenAPI parsed;

    private Contract() {
    }

    public static String yaml() {
        return read(YAML_RESOURCE);
    }

    public static String json() {
        return read(JSON_RESOURCE);
    }

    /** The parsed document, internal {@code $ref}s kept as references. */
    public static OpenAPI openApi() {
        OpenAPI result = parsed;
        if (result == null) {
            SwaggerParseResult parse = parse(yaml());
            if (!parse.getMessages().isEmpty()) {
                throw new IllegalStateException("the packaged contract does not parse cleanly: " + parse.getMessages());
            }
            parsed = result = parse.getOpenAPI();
        }
        return result;
    }

    /** Parses any OpenAPI text the way the build lints the contract. */
    /** The path every operation's path is relative to: that of the first server, e.g. {@code /api/agents/v1}. */
    public static String basePath() {
        return java.net.URI.create(openApi().getServers().get(0).getUrl()).getPath();
    }

    public static SwaggerParseResult parse(String openApiText) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(openApiText, null, options);
    }

    private static String read(String resource) {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: build the openapi module first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
