package dev.modelslabtwin.conformance.negative;

import com.fasterxml.jackson.databind.JsonNode;

/** One broken value for one field: what it breaks, the value, and the field name {@code details} must carry. */
record Mutation(String label, JsonNode value, String field) {
}
