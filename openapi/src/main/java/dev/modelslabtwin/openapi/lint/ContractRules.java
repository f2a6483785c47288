package dev.modelslabtwin.openapi.lint;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The house rules every operation of the contract must follow (see openapi/README.md), checked on
 * the parsed document. Each violation names the operation and the rule, so a failing build says
 * exactly what to fix.
 */
public final class ContractRules {

    static final String JSON = "application/json";
    static final String SCHEMAS = "#/components/schemas/";
    static final String RESPONSES = "#/components/responses/";
    static final String ENVELOPE = SCHEMAS + "Envelope";
    static final String ERROR_ENVELOPE = SCHEMAS + "ErrorEnvelope";
    static final String IDEMPOTENCY_KEY = "#/components/parameters/IdempotencyKey";
    static final Set<String> PUBLIC_TAGS = Set.of("Auth");
    static final Set<String> IDEMPOTENT_TAGS = Set.of("Billing", "Wallet", "Payments", "Subscriptions");
    static final List<String> RATE_LIMIT_HEADERS = List.of("X-RateLimit-Remaining", "X-RateLimit-Reset");
    private static final Pattern CAMEL_CASE = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
    private static final Pattern SCOPE = Pattern.compile("^(\\*|[a-z-]+:(read|write))$");

    private final OpenAPI api;
    private final List<String> violations = new ArrayList<>();

    private ContractRules(OpenAPI api) {
        this.api = api;
    }

    /** Every violation of the house rules, empty when the document follows them all. */
    public static List<String> check(OpenAPI api) {
        ContractRules rules = new ContractRules(api);
        rules.checkAll();
        return rules.violations;
    }

    private void checkAll() {
        Set<String> tags = new HashSet<>();
        for (Tag tag : Objects.requireNonNullElse(api.getTags(), List.<Tag>of())) {
            tags.add(tag.getName());
        }
        checkUnroutedLimiter();
        Set<String> operationIds = new HashSet<>();
        Operations.forEach(api, (method, path, pathItem, op) -> {
            String where = method + " " + path;
            String id = op.getOperationId();
            if (id == null || !CAMEL_CASE.matcher(id).matches()) {
                violations.add(where + ": operationId must be camelCase, is " + id);
            } else if (!operationIds.add(id)) {
                violations.add(where + ": operationId " + id + " is used twice");
            }
            checkTag(where, op, tags);
            if (blank(op.getSummary())) {
                violations.add(where + ": has no summary");
            }
            if (blank(op.getDescription())) {
                violations.add(where + ": has no description");
            }
            boolean secured = checkSecurity(where, op);
            checkExtensions(where, op, secured);
            checkResponses(where, pathItem, op, secured, isScopeGated(op));
            checkRequestBody(where, op);
            checkIdempotency(where, method, op);
        });
    }

    /** The limiter of requests no operation answers is one of the root's limiters. */
    private void checkUnroutedLimiter() {
        Object limiter = api.getExtensions() == null ? null : api.getExtensions().get("x-unrouted-rate-limiter");
        Set<String> limiters = Operations.rateLimits(api).keySet();
        if (limiter == null || !limiters.contains(limiter.toString())) {
            violations.add("root: x-unrouted-rate-limiter must be one of the root's x-rate-limiters " + limiters + ", is " + limiter);
        }
    }

    private void checkTag(String where, Operation op, Set<String> declared) {
        List<String> opTags = Objects.requireNonNullElse(op.getTags(), List.of());
        if (opTags.size() != 1) {
            violations.add(where + ": must have exactly one tag, has " + opTags);
        } else if (!declared.contains(opTags.get(0))) {
            violations.add(where + ": tag " + opTags.get(0) + " is not declared at the root");
        }
    }

    private boolean checkSecurity(String where, Operation op) {
        boolean secured = Operations.isSecured(api, op);
        if (!secured && !PUBLIC_TAGS.contains(firstTag(op))) {
            violations.add(where + ": only public auth calls may go without bearer security");
        }
        return secured;
    }

    private void checkExtensions(String where, Operation op, boolean secured) {
        Map<String, Object> ext = Objects.requireNonNullElse(op.getExtensions(), Map.of());
        Object scope = ext.get("x-required-scope");
        if (secured) {
            boolean ungated = Boolean.FALSE.equals(ext.get("x-scope-gated"));
            if (scope == null && !ungated) {
                violations.add(where + ": secured operations name x-required-scope or say x-scope-gated: false");
            }
        }
        if (scope != null && !SCOPE.matcher(scope.toString()).matches()) {
            violations.add(where + ": x-required-scope " + scope + " is not a scope");
        }
        Object limiter = ext.get("x-rate-limiter");
        Set<String> limiters = Operations.rateLimits(api).keySet();
        if (limiter == null || !limiters.contains(limiter.toString())) {
            violations.add(where + ": x-rate-limiter must be one of the root's x-rate-limiters " + limiters + ", is " + limiter);
        }
    }

    private void checkResponses(String where, PathItem pathItem, Operation op, boolean secured, boolean scoped) {
        Map<String, ApiResponse> responses = op.getResponses() == null ? Map.of() : op.getResponses();
        boolean success = false;
        for (Map.Entry<String, ApiResponse> entry : responses.entrySet()) {
            String status = entry.getKey();
            String at = where + " " + status;
            ApiResponse response = resolve(entry.getValue());
            if (response == null) {
                violations.add(at + ": response reference " + entry.getValue().get$ref() + " does not resolve");
                continue;
            }
            if (status.startsWith("3")) {
                checkRedirect(at, response);
                continue;
            }
            MediaType media = response.getContent() == null ? null : response.getContent().get(JSON);
            if (media == null || media.getSchema() == null) {
                violations.add(at + ": must answer " + JSON + " with a schema");
                continue;
            }
            if (media.getExamples() == null || media.getExamples().isEmpty()) {
                violations.add(at + ": has no examples");
            }
            if (status.startsWith("2")) {
                success = true;
                if (!isEnvelope(media.getSchema())) {
                    violations.add(at + ": success schema must be a named envelope (allOf Envelope with data)");
                }
            } else if (!ERROR_ENVELOPE.equals(media.getSchema().get$ref())) {
                violations.add(at + ": error responses use " + ERROR_ENVELOPE);
            }
            if (!"default".equals(status)) {
                for (String header : RATE_LIMIT_HEADERS) {
                    if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
                        violations.add(at + ": does not declare the " + header + " header");
                    }
                }
            }
        }
        if (!success) {
            violations.add(where + ": has no 2xx response");
        }
        List<String> required = new ArrayList<>(List.of("429", "default"));
        if (secured) {
            required.add("401");
        }
        if (scoped) {
            required.add("403");
        }
        if (hasPathParameters(pathItem, op)) {
            required.add("404");
        }
        if (op.getRequestBody() != null || hasNonHeaderParameters(pathItem, op)) {
            required.add("422");
        }
        for (String status : required) {
            if (!responses.containsKey(status)) {
                violations.add(where + ": must document the " + status + " response");
            }
        }
    }

    /** A redirect (the compatibility route's browser mode) says where to with {@code Location}, has no body, and the rate-limit headers. */
    private void checkRedirect(String at, ApiResponse response) {
        Map<String, ?> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        if (!headers.containsKey("Location")) {
            violations.add(at + ": a redirect declares the Location header");
        }
        if (response.getContent() != null && !response.getContent().isEmpty()) {
            violations.add(at + ": a redirect has no body");
        }
        for (String header : RATE_LIMIT_HEADERS) {
            if (!headers.containsKey(header)) {
                violations.add(at + ": does not declare the " + header + " header");
            }
        }
    }

    private void checkRequestBody(String where, Operation op) {
        if (op.getRequestBody() == null) {
            return;
        }
        MediaType media = op.getRequestBody().getContent() == null ? null : op.getRequestBody().getContent().get(JSON);
        if (media == null || media.getSchema() == null || media.getSchema().get$ref() == null) {
            violations.add(where + ": request body must be " + JSON + " with a named schema");
        } else if (media.getExamples() == null || media.getExamples().isEmpty()) {
            violations.add(where + ": request body has no examples");
        }
    }

    private void checkIdempotency(String where, PathItem.HttpMethod method, Operation op) {
        if (method == PathItem.HttpMethod.GET || !IDEMPOTENT_TAGS.contains(firstTag(op))) {
            return;
        }
        boolean takesKey = op.getParameters() != null
                && op.getParameters().stream().anyMatch(ContractRules::isIdempotencyKey);
        if (!takesKey) {
            violations.add(where + ": billing mutations take the Idempotency-Key parameter");
        }
    }

    private boolean isEnvelope(Schema<?> schema) {
        String ref = schema.get$ref();
        if (ref == null || !ref.startsWith(SCHEMAS) || !ref.endsWith("Response")) {
            return false;
        }
        Schema<?> named = api.getComponents().getSchemas().get(ref.substring(SCHEMAS.length()));
        if (named == null || named.getAllOf() == null) {
            return false;
        }
        boolean extendsEnvelope = named.getAllOf().stream().anyMatch(s -> ENVELOPE.equals(s.get$ref()));
        boolean hasData = named.getAllOf().stream()
                .anyMatch(s -> s.getProperties() != null && s.getProperties().containsKey("data"));
        return extendsEnvelope && hasData;
    }

    private ApiResponse resolve(ApiResponse response) {
        String ref = response.get$ref();
        if (ref == null) {
            return response;
        }
        if (!ref.startsWith(RESPONSES) || api.getComponents().getResponses() == null) {
            return null;
        }
        return api.getComponents().getResponses().get(ref.substring(RESPONSES.length()));
    }

    private boolean hasPathParameters(PathItem pathItem, Operation op) {
        return allParameters(pathItem, op).stream().map(this::resolve).anyMatch(p -> p != null && "path".equals(p.getIn()));
    }

    private Parameter resolve(Parameter parameter) {
        String ref = parameter.get$ref();
        if (ref == null) {
            return parameter;
        }
        Map<String, Parameter> shared = api.getComponents().getParameters();
        return shared == null ? null : shared.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static boolean hasNonHeaderParameters(PathItem pathItem, Operation op) {
        return allParameters(pathItem, op).stream()
                .anyMatch(p -> p.get$ref() == null && !"header".equals(p.getIn()));
    }

    private static List<Parameter> allParameters(PathItem pathItem, Operation op) {
        List<Parameter> all = new ArrayList<>();
        if (pathItem.getParameters() != null) {
            all.addAll(pathItem.getParameters());
        }
        if (op.getParameters() != null) {
            all.addAll(op.getParameters());
        }
        return all;
    }

    /** The parser may have inlined the shared parameter, so it is recognised by reference or by name. */
    private static boolean isIdempotencyKey(Parameter p) {
        return IDEMPOTENCY_KEY.equals(p.get$ref())
                || ("header".equals(p.getIn()) && "Idempotency-Key".equalsIgnoreCase(p.getName()));
    }

    private static boolean isScopeGated(Operation op) {
        return op.getExtensions() != null && op.getExtensions().get("x-required-scope") != null;
    }

    private static String firstTag(Operation op) {
        return op.getTags() == null || op.getTags().isEmpty() ? "" : op.getTags().get(0);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
