package dev.modelslabtwin.openapi.provenance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/**
 * Where one thing of the contract comes from, as an {@code x-provenance} value states it: a map with
 * exactly one of {@code documented: <source and page>}, {@code inferred: <the reasoning>} or
 * {@code emulator: <why the twin chose it>}.
 */
public record Provenance(Kind kind, String text) {

    /** The three kinds, in the order of how far a client may rely on them. */
    public enum Kind {
        /** A public source states it: the documentation, the guide, the official CLI or MCP pages, Stripe. */
        DOCUMENTED,
        /** No source states it; it is read from what the sources do say (the reasoning comes with it). */
        INFERRED,
        /** The twin's own choice where the sources are silent, or a test aid. */
        EMULATOR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether a live run has something to confirm: everything but what a source states. */
        public boolean isGuess() {
            return this != DOCUMENTED;
        }

        static Optional<Kind> ofLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label().equals(label)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** The provenance {@code node} states, when it is a well-formed provenance value. */
    public static Optional<Provenance> of(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return Optional.empty();
        }
        String field = node.fieldNames().next();
        JsonNode text = node.get(field);
        if (!text.isTextual() || text.asText().isBlank()) {
            return Optional.empty();
        }
        return Kind.ofLabel(field).map(kind -> new Provenance(kind, text.asText().trim()));
    }

    /** Whether {@code node} is shaped like a provenance value (one key naming a kind), well-formed or not. */
    static boolean looksLikeOne(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && Kind.ofLabel(node.fieldNames().next()).isPresent();
    }

    @Override
    public String toString() {
        return kind.label() + ": " + text;
    }
}
