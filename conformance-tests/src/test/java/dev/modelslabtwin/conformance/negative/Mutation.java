package dev.modelslabtwin.conformance.negative;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One broken value for one field: the schema keyword it breaks ({@code maximum}), how ({@code above its
 * maximum 10000 (10000.01)}), the value, and the field name {@code details} must carry.
 */
record Mutation(String constraint, String label, JsonNode value, String field) {
}
