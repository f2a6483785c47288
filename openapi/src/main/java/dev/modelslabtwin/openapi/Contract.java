package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    /** The bundle as checks read it ({@link ChecksView}): what the emulator's request and answer checks parse. */
    public static final String CHECKS_RESOURCE = "openapi/modelslab-agents.checks.json";
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

    /** The document without what only people read, for validators ({@link ChecksView}). */
    public static String checksJson() {
        return read(CHECKS_RESOURCE);
    }

    /** The parsed document, internal {@code $ref}s kept as references. */
    public static OpenAPI openApi() {
        OpenAPI result = parsed;
        if (result == null) {
            SwaggerParseResult parse = parse(json());
            if (!parse.getMessages().isEmpty()) {
                throw new IllegalStateException("the packaged contract does not parse cleanly: " + parse.getMessages());
            }
            parsed = result = parse.getOpenAPI();
        }
        return result;
    }

    /**
     * The path every operation's path is relative to: that of the first server, e.g. {@code /api/agents/v1}.
     * Read from the JSON document's {@code servers} alone, so that a caller needing only this does not
     * pay for parsing the whole document, which a cold JVM notices.
     */
    public static String basePath() {
        try (JsonParser json = new JsonFactory().createParser(json())) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.getCurrentName();
                json.nextToken();
                if (field.equals("servers")) {
                    JsonNode servers = new ObjectMapper().readTree(json);
                    return java.net.URI.create(servers.path(0).path("url").asText()).getPath();
                }
                json.skipChildren();
            }
            throw new IllegalStateException("the packaged contract names no server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses any OpenAPI text the way the build lints the contract. */
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
