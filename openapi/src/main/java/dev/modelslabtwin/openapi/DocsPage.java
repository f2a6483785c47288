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
final class DocsPage {

    static final String REDOC_SCRIPT = "redoc.standalone.js";

    private DocsPage() {
    }

    static void write(JsonNode bundle, Path docsDirectory) throws IOException {
        Files.createDirectories(docsDirectory);
        if (!Files.exists(docsDirectory.resolve(REDOC_SCRIPT))) {
            throw new IllegalStateException(REDOC_SCRIPT + " is missing from " + docsDirectory
                    + ": the build unpacks it from the redoc webjar before bundling");
        }
        String title = bundle.path("info").path("title").asText("API");
        // "</" inside inline JSON would end the <script> element early.
        String spec = new ObjectMapper().writeValueAsString(bundle).replace("</", "<\\/");
        String html = """
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
                    Redoc.init(%s, {expandResponses: "200,201,202", jsonSampleExpandLevel: 3, hideHostname: false},
                               document.getElementById("redoc"));
                  </script>
                </body>
                </html>
                """.formatted(escapeHtml(title), REDOC_SCRIPT, spec);
        Files.writeString(docsDirectory.resolve("index.html"), html, StandardCharsets.UTF_8);
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
