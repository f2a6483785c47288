package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the browsable documentation: one HTML page with the bundled document inlined, rendered by
 * Redoc's standalone bundle sitting next to it, so it opens from disk or any static server with no
 * network at all.
 */
public final class DocsPage {

    static final String REDOC_SCRIPT = "redoc.standalone.js";
    /** Where the Redoc bundle sits in this artifact, beside {@link Contract#DOCS_RESOURCE}. */
    public static final String REDOC_RESOURCE = "docs/" + REDOC_SCRIPT;

    private DocsPage() {
    }

    static void write(JsonNode bundle, Path docsDirectory) throws IOException {
        Files.createDirectories(docsDirectory);
        if (!Files.exists(docsDirectory.resolve(REDOC_SCRIPT))) {
            throw new IllegalStateException(REDOC_SCRIPT + " is missing from " + docsDirectory
                    + ": the build unpacks it from the redoc webjar before bundling");
        }
        Files.writeString(docsDirectory.resolve("index.html"), html(bundle, REDOC_SCRIPT), StandardCharsets.UTF_8);
    }

    /**
     * The page for {@code document} (any OpenAPI document, as JSON), loading Redoc from {@code scriptSrc}:
     * the document is inlined, so the page needs nothing else.
     */
    public static String html(JsonNode document, String scriptSrc) throws IOException {
        String title = document.path("info").path("title").asText("API");
        // "</" inside inline JSON would end the <script> element early.
        String spec = new ObjectMapper().writeValueAsString(document).replace("</", "<\\/");
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <style>body { margin: 0; padding: 0; }</style>
                </head>
                <body>
                  <div id="redoc"></div>
                  <script src="%s"></script>
                  <script>
                    Redoc.init(%s, {expandResponses: "200,201,202", jsonSampleExpandLevel: 3, hideHostname: false,
                                showExtensions: ["x-provenance"]},
                               document.getElementById("redoc"));
                  </script>
                </body>
                </html>
                """.formatted(HtmlText.escape(title), scriptSrc, spec);
    }
}
