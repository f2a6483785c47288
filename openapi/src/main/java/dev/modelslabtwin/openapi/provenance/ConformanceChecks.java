package dev.modelslabtwin.openapi.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which conformance checks verify which behaviour: the index the parity page shows. The conformance
 * suite names the behaviours a test verifies with {@code @Verifies("id", ...)}; the suite is compiled
 * after this module, so the index is read from its sources at build time (string literals only), and a
 * test of the suite holds the packaged index equal to the compiled annotations.
 */
public final class ConformanceChecks {

    /** Where the index sits in this module's jar. */
    public static final String RESOURCE = "provenance/conformance-checks.json";

    private static final Pattern VERIFIES = Pattern.compile("@Verifies\\(\\s*(\\{[^}]*}|\"[^\"]*\")\\s*\\)");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    /** The method a {@code @Verifies} marks: the first line after it that is not an annotation declares it. */
    private static final Pattern METHOD = Pattern.compile("(?:\\s*@\\w+(?:\\([^)]*\\))?)*\\s*[^@\\s][^(\\n]*?(\\w+)\\s*\\(");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> checksByBehaviour;

    private ConformanceChecks(Map<String, List<String>> checksByBehaviour) {
        this.checksByBehaviour = checksByBehaviour;
    }

    /** The checks of the behaviour, as {@code TestClass.testMethod}, sorted. */
    public List<String> of(String behaviourId) {
        return checksByBehaviour.getOrDefault(behaviourId, List.of());
    }

    /** Every behaviour id some check names, with its checks. */
    public Map<String, List<String>> all() {
        return checksByBehaviour;
    }

    /** Reads the {@code @Verifies} annotations of every Java source under {@code sources}. */
    public static ConformanceChecks scan(Path sources) {
        Map<String, List<String>> index = new TreeMap<>();
        if (!Files.isDirectory(sources)) {
            return new ConformanceChecks(index);
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String type = file.getFileName().toString().replace(".java", "");
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher annotation = VERIFIES.matcher(text);
                while (annotation.find()) {
                    Matcher method = METHOD.matcher(text).region(annotation.end(), text.length());
                    if (!method.lookingAt()) {
                        throw new IllegalStateException(file + ": @Verifies is not followed by a test method");
                    }
                    Matcher id = STRING.matcher(annotation.group(1));
                    while (id.find()) {
                        index.computeIfAbsent(id.group(1), k -> new ArrayList<>()).add(type + "." + method.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the conformance suite's sources under " + sources, e);
        }
        index.values().forEach(checks -> checks.sort(null));
        return new ConformanceChecks(index);
    }

    public static ConformanceChecks read(InputStream json) throws IOException {
        Map<String, List<String>> index = new TreeMap<>();
        JSON.readTree(json).path("checks").fields().forEachRemaining(entry -> {
            List<String> checks = new ArrayList<>();
            entry.getValue().forEach(check -> checks.add(check.asText()));
            index.put(entry.getKey(), checks);
        });
        return new ConformanceChecks(index);
    }

    /** The index packaged in this module's jar. */
    public static ConformanceChecks packaged() {
        try (InputStream in = ConformanceChecks.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build the openapi module first");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode checks = root.putObject("checks");
        checksByBehaviour.forEach((id, names) -> names.forEach(checks.withArray(id)::add));
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
    }
}
