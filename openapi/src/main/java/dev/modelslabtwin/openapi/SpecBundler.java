package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.modelslabtwin.openapi.provenance.ConformanceChecks;
import dev.modelslabtwin.openapi.provenance.DescriptionSections;
import dev.modelslabtwin.openapi.provenance.Parity;
import dev.modelslabtwin.openapi.provenance.ParityPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges the hand-written fragments named by the root document's {@code x-bundle-include} into one
 * document, so every consumer (generator, emulator, tests, docs) reads the same bytes. A key defined
 * by two fragments is an error rather than a silent overwrite: fragments are written by different
 * people and a quiet clash would change the contract unnoticed.
 */
public final class SpecBundler {

    static final String INCLUDE_KEY = "x-bundle-include";
    static final List<String> RATE_LIMIT_HEADERS = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            // Amounts in examples keep the cents they are written with (75.50 stays 75.50).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecBundler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: SpecBundler <root openapi.yaml> <output directory> <the conformance suite's test sources>");
        }
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        ObjectNode bundle = bundle(root);
        writeBundle(bundle, out);
        DocsPage.write(bundle, out.resolve("docs"));
        ConformanceChecks checks = ConformanceChecks.scan(Path.of(args[2]));
        checks.write(out.resolve(ConformanceChecks.RESOURCE));
        Files.writeString(out.resolve(ParityPage.RESOURCE),
                ParityPage.html(Parity.of(bundle, checks), bundle.path("info").path("title").asText()), StandardCharsets.UTF_8);
        System.out.println("[contract] bundled " + root.getParent() + " into " + out.resolve(Contract.YAML_RESOURCE)
                + ", with its parity page (" + checks.all().size() + " behaviours named by conformance checks)");
    }

    /** Reads the root document and deep-merges every fragment it includes. */
    public static ObjectNode bundle(Path rootFile) {
        ObjectNode root = (ObjectNode) read(rootFile);
        JsonNode includes = root.remove(INCLUDE_KEY);
        if (includes == null || !includes.isArray()) {
            throw new IllegalStateException(rootFile + " must list its fragments under " + INCLUDE_KEY);
        }
        List<String> clashes = new ArrayList<>();
        for (JsonNode include : includes) {
            Path fragment = rootFile.resolveSibling(include.asText());
            JsonNode content = read(fragment);
            if (content != null && !content.isMissingNode() && !content.isNull()) {
                merge(root, (ObjectNode) content, fragment.getFileName().toString(), "", clashes);
            }
        }
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("fragments define the same key twice:\n  " + String.join("\n  ", clashes));
        }
        addRateLimitHeaders(root);
        DescriptionSections.render(root);
        return root;
    }

    /**
     * The live API sends its rate-limit headers on every response, so every inline response of an
     * operation declares them; writing the same three references on each of ~150 responses by hand
     * would only invite omissions. Responses that are references already declare them in shared.yaml,
     * and {@code default} (which covers failures before any limiter ran) is left alone.
     */
    static void addRateLimitHeaders(ObjectNode root) {
        JsonNode paths = root.path("paths");
        paths.forEach(pathItem -> pathItem.fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().equals("default") || !response.getValue().isObject()
                        || response.getValue().has("$ref")) {
                    return;
                }
                ObjectNode headers = response.getValue().has("headers")
                        ? (ObjectNode) response.getValue().get("headers")
                        : ((ObjectNode) response.getValue()).putObject("headers");
                for (String header : RATE_LIMIT_HEADERS) {
                    if (!headers.has(header)) {
                        headers.putObject(header).put("$ref", "#/components/headers/" + header);
                    }
                }
            });
        }));
    }

    private static void merge(ObjectNode target, ObjectNode source, String fragment, String path, List<String> clashes) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode existing = target.get(key);
            if (existing == null) {
                target.set(key, field.getValue());
            } else if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), fragment, path + "/" + key, clashes);
            } else {
                clashes.add(fragment + ": " + path + "/" + key);
            }
        }
    }

    private static void writeBundle(ObjectNode bundle, Path out) throws IOException {
        Path yaml = out.resolve(Contract.YAML_RESOURCE);
        Path json = out.resolve(Contract.JSON_RESOURCE);
        Files.createDirectories(yaml.getParent());
        Files.writeString(yaml, YAML.writeValueAsString(bundle), StandardCharsets.UTF_8);
        Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(Contract.CHECKS_RESOURCE), JSON.writeValueAsString(ChecksView.of(bundle)),
                StandardCharsets.UTF_8);
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract fragment " + file, e);
        }
    }
}
