package dev.modelslabtwin.emulator.routing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.modelslabtwin.emulator.core.Background;
import dev.modelslabtwin.openapi.Contract;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every request against the contract before any implementation runs, with Atlassian's
 * swagger-request-validator reading the same bundled document, and turns what it finds into the
 * API's own {@code validation_error}: a Laravel-style bag naming each offending field.
 */
public final class ContractValidator {

    public static final String BASE_PATH = Contract.basePath();

    private static final Pattern MISSING_PROPERTIES = Pattern.compile("\"([^\"]+)\"");
    /** One media type, {@code type/subtype}, with or without parameters (RFC 9110 tokens). */
    private static final Pattern ONE_MEDIA_TYPE = Pattern.compile(
            "\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;[^,]*)?");
    private static final Pattern LIMIT = Pattern.compile("(?:minimum|maximum|divisor|minLength|maxLength): ([0-9.]+)");

    private static final Pattern QUOTED = Pattern.compile("\"(.*?)\"");

    private final OpenApiInteractionValidator validator;
    private final PatternMessages patternMessages;
    /** Checking a request was a seventh of the CPU of a {@code GET /wallet/balance} (bench/README.md). */
    private final PassedChecks passedRequests = new PassedChecks();

    /** The validator of the bundled contract, built on a background thread from the first call on (see {@link #forApi}). */
    private static final class Shared {
        static final CompletableFuture<ContractValidator> API = Background.supply("contract-validator", ContractValidator::warmedUp);
    }

    /** Checks requests against the bundled contract. */
    public ContractValidator() {
        this(forContract(), PatternMessages.of(BundledContract.tree()));
    }

    /**
     * The bundled contract's validator, one per JVM (it is immutable and thread-safe), built on a
     * background thread from the first call on: parsing the contract and readying the JSON Schema
     * validator are the slowest part of a start, so the emulator starts this first and does the rest
     * of its start meanwhile.
     */
    public static CompletableFuture<ContractValidator> forApi() {
        return Shared.API;
    }

    /** A validator that has already checked a request with a body and one with a query, so its lazy parts are ready. */
    private static ContractValidator warmedUp() {
        ContractValidator ready = new ContractValidator();
        ready.validator.validateRequest(SimpleRequest.Builder.post(BASE_PATH + "/wallet/fund")
                .withContentType("application/json").withBody("{\"amount\": 25}").build());
        ready.validator.validateRequest(SimpleRequest.Builder.get(BASE_PATH + "/wallet/transactions")
                .withQueryParam("limit", "50").build());
        return ready;
    }

    /** Checks requests against the document {@code builder} reads (e.g. the control API's), the same way. */
    public ContractValidator(OpenApiInteractionValidator.Builder builder) {
        this(builder, PatternMessages.none());
    }

    private ContractValidator(OpenApiInteractionValidator.Builder builder, PatternMessages patternMessages) {
        this.patternMessages = patternMessages;
        this.validator = builder
                // Authentication is the auth layer's job (401 unauthenticated), not a validation error.
                // Accept is not negotiated: the live API answers JSON whatever a client asks for, and the
                // verification link's browser mode is asked for HTML and answers with a redirect.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        RememberedOperations.install(validator);
    }

    /**
     * A validator of requests and responses against the bundled contract, served under its base path;
     * {@code allOf} envelopes need combinators resolved or {@code error} and {@code meta} count as extra.
     * Read from the JSON rendering without the text only people read ({@link Contract#checksJson}): the
     * parser reads JSON with Jackson in a fraction of the time SnakeYAML takes for the same document,
     * and a third of the document in a fraction of the time it takes for the whole, which a cold start notices.
     */
    public static OpenApiInteractionValidator.Builder forContract() {
        return OpenApiInteractionValidator.createForInlineApiSpecification(Contract.checksJson())
                .withBasePathOverride(BASE_PATH)
                .withResolveCombinators(true);
    }

    /**
     * Every way an answer to {@code method path} breaks the contract — its status, its envelope's
     * schema, the headers the operation declares; empty when it keeps it.
     */
    public List<String> responseViolations(String method, String path, int status, Map<String, String> headers, String body) {
        return responseViolations(method, path, status, headers, body, true);
    }

    /** As above; without {@code checkHeaders} the declared headers are not looked for (only the status and body). */
    public List<String> responseViolations(String method, String path, int status, Map<String, String> headers, String body,
                                           boolean checkHeaders) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach(response::withHeader);
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> checkHeaders || !message.getKey().startsWith("validation.response.header."))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    /** Throws {@link ApiProblem} {@code validation_error} when the request breaks the contract. */
    public void check(Context http, String body) {
        check(http, body, false);
    }

    /** As {@link #check}, for a body already turned into JSON from another form (e.g. YAML). */
    public void checkAsJson(Context http, String jsonBody) {
        check(http, jsonBody, true);
    }

    private void check(Context http, String body, boolean json) {
        String key = PassedChecks.requestKey(methodOf(http), http.path(), http.queryString(), http.headerMap(), body, json);
        if (passedRequests.contains(key)) {
            return;
        }
        check(readable(http, body, json));
        passedRequests.add(key);
    }

    /** The request as the validator reads it; a Content-Type it cannot parse (an unknown charset) is the client's mistake. */
    private static Request readable(Context http, String body, boolean json) {
        String contentType = http.header("Content-Type");
        if (contentType != null && !contentType.isBlank() && !ONE_MEDIA_TYPE.matcher(contentType).matches()) {
            // The validator takes a Content-Type it cannot parse (e.g. two of them) as none, and skips the body.
            throw unreadableContentType();
        }
        try {
            return toRequest(http, body, json);
        } catch (IllegalArgumentException unreadable) {
            throw unreadableContentType();
        }
    }

    private static ApiProblem unreadableContentType() {
        return ApiProblem.validation(Map.of("Content-Type", List.of("The Content-Type header names a charset or a "
                + "form the API cannot read. Send application/json (UTF-8).")));
    }

    private void check(Request request) {
        ValidationReport report = validator.validateRequest(request);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                describe(message, fields);
            }
        }
        if (!fields.isEmpty()) {
            throw ApiProblem.validation(fields);
        }
    }

    /** The request's method as the contract knows it: a HEAD is checked as the GET it mirrors. */
    static String methodOf(Context http) {
        String method = http.method().name();
        return method.equals("HEAD") ? "GET" : method;
    }

    private static Request toRequest(Context http, String body, boolean json) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(methodOf(http), http.path());
        String contentType = http.header("Content-Type");
        boolean noContentType = contentType == null || contentType.isBlank();
        http.headerMap().forEach((name, value) -> {
            // A blank Content-Type is none at all: the validator would otherwise skip checking the body.
            if (!name.equalsIgnoreCase("Content-Type") || !json && !noContentType) {
                request.withHeader(name, value);
            }
        });
        if ((json || noContentType) && body != null && !body.isBlank()) {
            // Clients that omit the content type still send JSON; the API reads it as JSON.
            request.withContentType("application/json");
        }
        http.queryParamMap().forEach(request::withQueryParam);
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return request.build();
    }

    private void describe(ValidationReport.Message message, Map<String, List<String>> fields) {
        String key = message.getKey();
        ValidationReport.MessageContext context = message.getContext().orElse(ValidationReport.MessageContext.empty());
        if (key.startsWith("validation.request.parameter")) {
            String name = context.getParameter().map(p -> p.getName()).orElse("query");
            add(fields, name, parameterMessage(key, name, message.getMessage()));
            return;
        }
        if (key.equals("validation.request.body.missing")) {
            add(fields, "body", "The request body is required.");
            return;
        }
        if (key.equals("validation.request.body.schema.invalidJson")) {
            add(fields, "body", RequestBody.NOT_JSON);
            return;
        }
        if (key.startsWith("validation.request.contentType")) {
            add(fields, "Content-Type", "The request body must be JSON (Content-Type: application/json).");
            return;
        }
        String pointer = context.getPointers().map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
        String field = fieldName(pointer);
        if (key.endsWith(".required")) {
            Matcher names = MISSING_PROPERTIES.matcher(message.getMessage());
            while (names.find()) {
                String missing = field.equals("body") ? names.group(1) : field + "." + names.group(1);
                add(fields, missing, "The " + missing + " field is required.");
            }
            return;
        }
        if (key.endsWith(".anyOf") && requiredAlternatives(message, field, fields)) {
            return;
        }
        if (key.endsWith(".anyOf") || key.endsWith(".oneOf") || key.endsWith(".allOf")) {
            for (ValidationReport.Message nested : message.getNestedMessages()) {
                describe(nested, fields);
            }
            if (message.getNestedMessages().isEmpty()) {
                add(fields, field, "The " + field + " does not match any allowed form.");
            }
            return;
        }
        add(fields, field, patternMessage(key, field, message.getMessage())
                .orElseGet(() -> schemaMessage(key, field, message.getMessage())));
    }

    /** The contract's own words ({@code x-pattern-message}) for a field that breaks its pattern, if it has some. */
    private java.util.Optional<String> patternMessage(String key, String field, String original) {
        Matcher pattern = QUOTED.matcher(original);
        if (!key.endsWith(".pattern") || !pattern.find()) {
            return java.util.Optional.empty();
        }
        return patternMessages.forField(field.substring(field.lastIndexOf('.') + 1), pattern.group(1));
    }

    /**
     * An {@code anyOf} of {@code required} lists is how the contract says "one name of each pair" (a
     * documented name and the CLI's): the fields the nearest alternative lacks are reported, the first
     * (documented) one on a tie, rather than every name of every alternative. False when the
     * alternatives fail for other reasons too.
     */
    private static boolean requiredAlternatives(ValidationReport.Message message, String field,
                                                Map<String, List<String>> fields) {
        List<String> nearest = null;
        for (ValidationReport.Message alternative : message.getNestedMessages()) {
            if (!alternative.getKey().endsWith(".required")) {
                return false;
            }
            List<String> missing = new ArrayList<>();
            Matcher names = MISSING_PROPERTIES.matcher(alternative.getMessage());
            while (names.find()) {
                missing.add(field.equals("body") ? names.group(1) : field + "." + names.group(1));
            }
            if (nearest == null || missing.size() < nearest.size()) {
                nearest = missing;
            }
        }
        if (nearest == null || nearest.isEmpty()) {
            return false;
        }
        nearest.forEach(missing -> add(fields, missing, "The " + missing + " field is required."));
        return true;
    }

    private static String fieldName(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "body";
        }
        return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    }

    private static String parameterMessage(String key, String name, String original) {
        if (key.endsWith(".missing")) {
            return "The " + name + " field is required.";
        }
        return schemaMessage(key, name, original);
    }

    /** Laravel-like wording for the common keywords; the validator's own words otherwise. */
    private static String schemaMessage(String key, String field, String original) {
        Matcher limit = LIMIT.matcher(original);
        String value = limit.find() ? limit.group(1) : null;
        String keyword = key.substring(key.lastIndexOf('.') + 1);
        return switch (keyword) {
            case "minimum" -> value == null ? original : "The " + field + " must be at least " + value + ".";
            case "maximum" -> value == null ? original : "The " + field + " may not be greater than " + value + ".";
            case "multipleOf" -> "The " + field + " must be a multiple of " + (value == null ? "0.01" : value) + ".";
            case "minLength" -> value == null ? original : "The " + field + " must be at least " + value + " characters.";
            case "maxLength" -> value == null ? original : "The " + field + " may not be greater than " + value + " characters.";
            case "enum" -> "The selected " + field + " is invalid.";
            case "pattern" -> "The " + field + " format is invalid.";
            case "format" -> "The " + field + " format is invalid.";
            case "type" -> "The " + field + " has the wrong type: " + original;
            default -> original;
        };
    }

    private static void add(Map<String, List<String>> fields, String field, String text) {
        List<String> messages = fields.computeIfAbsent(field, f -> new ArrayList<>());
        if (!messages.contains(text)) {
            messages.add(text);
        }
    }
}
