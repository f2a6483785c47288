package dev.modelslabtwin.openapi.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The parts of the root description that are tables of the root's catalogues: the error codes
 * ({@code x-error-catalogue}) and where the sources disagree ({@code x-disagreements}). The description
 * holds a marker for each, {@code <!-- x-error-catalogue -->} and {@code <!-- x-disagreements -->}, which
 * the bundle replaces with the rendered catalogue, so the prose and the catalogue cannot drift apart.
 */
public final class DescriptionSections {

    public static final String ERROR_MARKER = "<!-- x-error-catalogue -->";
    public static final String DISAGREEMENT_MARKER = "<!-- x-disagreements -->";

    private DescriptionSections() {
    }

    /** Renders both catalogues into {@code root}'s description, failing when a catalogue has no marker. */
    public static void render(ObjectNode root) {
        JsonNode info = root.path("info");
        if (!info.isObject()) {
            return;
        }
        String description = info.path("description").asText("");
        description = replace(description, ERROR_MARKER, root.path("x-error-catalogue"), DescriptionSections::errorTable);
        description = replace(description, DISAGREEMENT_MARKER, root.path("x-disagreements"), DescriptionSections::disagreements);
        ((ObjectNode) info).put("description", description);
    }

    private static String replace(String description, String marker, JsonNode catalogue,
                                  java.util.function.Function<JsonNode, String> render) {
        if (catalogue.isMissingNode() || catalogue.isEmpty()) {
            return description;
        }
        if (!description.contains(marker)) {
            throw new IllegalStateException("the root description has no " + marker + " where the catalogue belongs");
        }
        return description.replace(marker, render.apply(catalogue).stripTrailing());
    }

    static String errorTable(JsonNode catalogue) {
        StringBuilder table = new StringBuilder("| HTTP | `error.code` | when | provenance |\n|---|---|---|---|\n");
        catalogue.fields().forEachRemaining(entry -> {
            List<String> statuses = Contracts.statuses(entry.getValue());
            table.append("| ").append(String.join(", ", statuses))
                    .append(" | `").append(entry.getKey()).append("` | ")
                    .append(oneLine(entry.getValue().path("when").asText()))
                    .append(" | ").append(kind(entry.getValue())).append(" |\n");
        });
        return table.toString();
    }

    static String disagreements(JsonNode list) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String number = (i + 1) + ". ";
            String text = "**" + entry.path("title").asText() + "**: " + oneLine(entry.path("text").asText())
                    + " _(" + kind(entry) + ")_";
            out.append(number).append(text).append('\n');
        }
        return out.toString();
    }

    private static String kind(JsonNode entry) {
        return Provenance.of(entry.get("x-provenance")).map(p -> p.kind().label()).orElse("no provenance");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ").replace("|", "\\|");
    }
}
