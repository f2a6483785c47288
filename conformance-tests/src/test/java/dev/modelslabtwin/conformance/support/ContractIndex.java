package dev.modelslabtwin.conformance.support;

import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.lint.Operations;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled contract as the suite reads it (Swagger Parser, every {@code $ref} resolved): the list of
 * operations coverage is computed against, and the lookup from a request to the operation it calls.
 */
public final class ContractIndex {

    private static final ContractIndex INSTANCE = load();

    private final OpenAPI document;
    private final List<ContractOperation> operations;
    private final List<ContractOperation> byMatchOrder;

    private ContractIndex(OpenAPI document, List<ContractOperation> operations) {
        this.document = document;
        this.operations = List.copyOf(operations);
        // A literal segment beats a template one: /auth/tokens/revoke-others before /auth/tokens/{id}.
        this.byMatchOrder = operations.stream()
                .sorted(Comparator.comparingInt(ContractOperation::literalSegments).reversed())
                .toList();
    }

    public static ContractIndex get() {
        return INSTANCE;
    }

    private static ContractIndex load() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult parse = new OpenAPIParser().readContents(Contract.yaml(), null, options);
        if (parse.getOpenAPI() == null) {
            throw new IllegalStateException("the bundled contract does not parse: " + parse.getMessages());
        }
        OpenAPI document = parse.getOpenAPI();
        List<ContractOperation> operations = new ArrayList<>();
        Operations.forEach(document, (method, path, item, operation) ->
                operations.add(ContractOperation.of(document, method.name(), path, item, operation)));
        return new ContractIndex(document, operations);
    }

    public OpenAPI document() {
        return document;
    }

    /** Every operation, in document order. */
    public List<ContractOperation> operations() {
        return operations;
    }

    /** The path all operation paths are relative to, e.g. {@code /api/agents/v1}. */
    public String basePath() {
        return Contract.basePath();
    }

    public String version() {
        return document.getInfo().getVersion();
    }

    /** The operation a request for {@code apiPath} (relative to the base path) calls, if the contract has one. */
    public Optional<ContractOperation> resolve(String method, String apiPath) {
        return byMatchOrder.stream()
                .filter(o -> o.method().equalsIgnoreCase(method) && o.pathPattern().matcher(apiPath).matches())
                .findFirst();
    }

    /**
     * Whether {@code apiPath} is the path of an operation at the site root (the verification link), which
     * is requested without the API's base path.
     */
    public boolean atSiteRoot(String apiPath) {
        return operations.stream().anyMatch(o -> o.atSiteRoot() && o.pathPattern().matcher(apiPath).matches());
    }

    /** The root's {@code x-rate-limiters}: requests per minute of each limiter. */
    public Map<String, Integer> rateLimits() {
        return Operations.rateLimits(document);
    }

    /**
     * The numbered entries of the root description's "Where the sources disagree" list: the only
     * explanations a recorded answer that breaks the contract may give.
     */
    public Map<Integer, String> sourceDisagreements() {
        String description = document.getInfo().getDescription();
        int section = description.indexOf("## Where the sources disagree");
        if (section < 0) {
            return Map.of();
        }
        Map<Integer, String> entries = new java.util.TreeMap<>();
        Matcher item = Pattern.compile("(?m)^(\\d+)\\. \\*\\*(.+?)\\*\\*").matcher(description.substring(section));
        while (item.find()) {
            entries.put(Integer.parseInt(item.group(1)), item.group(2).replace("`", ""));
        }
        return entries;
    }
}
