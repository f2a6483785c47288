package dev.modelslabtwin.conformance.negative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.modelslabtwin.conformance.support.ContractOperation;
import dev.modelslabtwin.conformance.support.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Derives, from the contract alone, the requests each operation must refuse — in the spirit of
 * Schemathesis: start from the operation's own example (valid by the lint), break one constraint of its
 * request schema at a time (required field missing, wrong type, below minimum, above maximum, not a
 * multiple, not in the enum, pattern mismatch, too short, too long, bad format, array rules) in the
 * body, the query, the path and the headers, and take away or spoil the credentials. Values off the
 * boundary are drawn from a {@link Random} seeded by the run's seed and the case's name, so a run can
 * be replayed exactly.
 */
public final class NegativeCaseGenerator {

    /** Shaped like a Sanctum token ({@code id|secret}), never issued. */
    public static final String UNKNOWN_TOKEN = "999999999|conformanceSuiteNeverIssuedThisToken0000000000";
    /** A raw card, as an agent that skipped tokenisation would send it. */
    public static final String CARD_NUMBER = "4242424242424242";

    private final long seed;

    public NegativeCaseGenerator(long seed) {
        this.seed = seed;
    }

    public List<NegativeCase> casesFor(ContractOperation operation) {
        List<NegativeCase> cases = new ArrayList<>();
        NegativeCase.Request baseline = baseline(operation);
        if (operation.secured()) {
            cases.add(refusedCredential(operation, baseline, NegativeCase.Credential.NONE, "no bearer token"));
            cases.add(refusedCredential(operation, baseline, NegativeCase.Credential.UNKNOWN, "a bearer token never issued"));
            cases.add(refusedCredential(operation, baseline, NegativeCase.Credential.MALFORMED, "an Authorization header that is not Bearer"));
        }
        if (operation.requiredScope() != null) {
            cases.add(new NegativeCase(operation, "scope", null, operation.operationId() + ": a token without " + operation.requiredScope(),
                    NegativeCase.Credential.NARROW, baseline, 403, "insufficient_scope", null));
        }
        bodyCases(operation, baseline, cases);
        for (Parameter parameter : operation.parameters()) {
            parameterCases(operation, baseline, parameter, cases);
        }
        return cases;
    }

    private static NegativeCase refusedCredential(ContractOperation operation, NegativeCase.Request baseline,
                                                  NegativeCase.Credential credential, String what) {
        return new NegativeCase(operation, "credentials", null, operation.operationId() + ": " + what, credential, baseline, 401,
                "unauthenticated", null);
    }

    /** The operation's own example request: path parameters and body from the contract's examples. */
    static NegativeCase.Request baseline(ContractOperation operation) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (Boolean.TRUE.equals(parameter.getRequired()) && !parameter.getIn().equals("path")) {
                String example = ContractOperation.example(parameter).orElseThrow(() -> new IllegalStateException(
                        operation.operationId() + ": required parameter " + parameter.getName() + " has no example"));
                (parameter.getIn().equals("query") ? query : headers).put(parameter.getName(), example);
            }
        }
        String body = operation.bodyExample().map(Json::write).orElse(operation.bodyRequired() ? "{}" : null);
        return new NegativeCase.Request(operation.examplePath(), query, headers, body, "application/json");
    }

    @SuppressWarnings("rawtypes")
    private void bodyCases(ContractOperation operation, NegativeCase.Request baseline, List<NegativeCase> cases) {
        if (!operation.takesBody()) {
            return;
        }
        String id = operation.operationId();
        if (operation.bodyRequired()) {
            cases.add(invalid(operation, "body", null, id + ": no body", baseline.withBody(null), "body"));
        }
        cases.add(invalid(operation, "body", null, id + ": a body that is not JSON", baseline.withBody("{\"truncated\": "), "body"));
        ObjectNode example = (ObjectNode) Json.parse(baseline.body() == null ? "{}" : baseline.body());
        ObjectNode withCard = example.deepCopy();
        withCard.put("number", CARD_NUMBER).put("cvc", "123");
        cases.add(new NegativeCase(operation, "card data", null, id + ": raw card data in the body", NegativeCase.Credential.VALID,
                baseline.withBody(Json.write(withCard)), 422, "card_data_not_accepted", "number"));
        Schema schema = operation.bodySchema().orElse(null);
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<?> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Object entry : schema.getProperties().entrySet()) {
            Map.Entry<?, ?> property = (Map.Entry<?, ?>) entry;
            String name = property.getKey().toString();
            if (required.contains(name)) {
                ObjectNode without = example.deepCopy();
                without.remove(name);
                cases.add(invalid(operation, "required", "body", id + ": body." + name + " missing (required)",
                        baseline.withBody(Json.write(without)), name));
            }
            for (Mutation mutation : Mutations.of(name, (Schema) property.getValue(), example.get(name), Mutations.Location.BODY,
                    random(id + "/body/" + name))) {
                ObjectNode broken = example.deepCopy();
                broken.set(name, mutation.value());
                cases.add(invalid(operation, mutation.constraint(), "body." + name, id + ": body." + name + " " + mutation.label(),
                        baseline.withBody(Json.write(broken)), mutation.field()));
            }
        }
    }

    private void parameterCases(ContractOperation operation, NegativeCase.Request baseline, Parameter parameter,
                                List<NegativeCase> cases) {
        String id = operation.operationId();
        String in = parameter.getIn();
        String name = parameter.getName();
        Mutations.Location location = switch (in) {
            case "path" -> Mutations.Location.PATH;
            case "query" -> Mutations.Location.QUERY;
            default -> Mutations.Location.HEADER;
        };
        if (Boolean.TRUE.equals(parameter.getRequired()) && !in.equals("path")) {
            Map<String, String> without = new LinkedHashMap<>(in.equals("query") ? baseline.query() : baseline.headers());
            without.remove(name);
            NegativeCase.Request request = in.equals("query")
                    ? new NegativeCase.Request(baseline.path(), without, baseline.headers(), baseline.body(), baseline.contentType())
                    : new NegativeCase.Request(baseline.path(), baseline.query(), without, baseline.body(), baseline.contentType());
            cases.add(invalid(operation, "required", in + " " + name, id + ": " + in + " " + name + " missing (required)", request, name));
        }
        JsonNode example = ContractOperation.example(parameter).<JsonNode>map(TextNode::valueOf).orElse(null);
        for (Mutation mutation : Mutations.of(name, parameter.getSchema(), example, location, random(id + "/" + in + "/" + name))) {
            String value = mutation.value().isTextual() ? mutation.value().asText() : mutation.value().toString();
            NegativeCase.Request request = switch (location) {
                case PATH -> baseline.withPath(fillOtherPathParameters(operation, name, value));
                case QUERY -> baseline.withQuery(name, value);
                default -> baseline.withHeader(name, value);
            };
            cases.add(invalid(operation, mutation.constraint(), in + " " + name, id + ": " + in + " " + name + " " + mutation.label(),
                    request, mutation.field()));
        }
    }

    private static String fillOtherPathParameters(ContractOperation operation, String name, String value) {
        String path = operation.path().replace("{" + name + "}", value);
        for (Parameter other : operation.parameters()) {
            if (other.getIn().equals("path")) {
                path = path.replace("{" + other.getName() + "}", ContractOperation.example(other).orElse("1"));
            }
        }
        return path;
    }

    private static NegativeCase invalid(ContractOperation operation, String constraint, String rule, String description,
                                        NegativeCase.Request request, String field) {
        return new NegativeCase(operation, constraint, rule, description, NegativeCase.Credential.VALID, request, 422,
                "validation_error", field);
    }

    private Random random(String caseFamily) {
        return new Random(seed * 31 + caseFamily.hashCode());
    }
}
