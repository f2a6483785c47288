package dev.modelslabtwin.emulator.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The paths of the API's operations, to tell a request no operation answers whether its path exists
 * with other methods (405 and the methods it takes) or not at all (404), and whether it is the API's
 * concern: a path under the API's base, or one of an operation at another base (the site-root route).
 */
final class UnroutedRequests {

    private record Template(Pattern path, String method) {
    }

    private final List<Template> templates = new ArrayList<>();

    UnroutedRequests(List<ApiRoute> routes) {
        for (ApiRoute route : routes) {
            StringBuilder regex = new StringBuilder();
            for (String segment : (ContractOperations.of(route.operationId()).basePath() + route.path()).substring(1).split("/")) {
                regex.append('/').append(segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment));
            }
            templates.add(new Template(Pattern.compile(regex + "/?"), route.method()));
        }
    }

    /** Whether a request for {@code path} is the API's to answer. */
    boolean concerns(String path) {
        return path.equals(ContractValidator.BASE_PATH) || path.startsWith(ContractValidator.BASE_PATH + "/")
                || !methodsOf(path).isEmpty();
    }

    /**
     * The methods operations take at {@code path}, {@code HEAD} with {@code GET} (as Laravel, the live
     * API's framework, answers a HEAD wherever it answers a GET); empty when no operation has it.
     */
    List<String> methodsOf(String path) {
        Set<String> methods = new TreeSet<>();
        for (Template template : templates) {
            if (template.path().matcher(path).matches()) {
                methods.add(template.method());
                if (template.method().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return List.copyOf(methods);
    }
}
