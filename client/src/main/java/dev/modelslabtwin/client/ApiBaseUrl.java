package dev.modelslabtwin.client;

import dev.modelslabtwin.client.invoker.ApiClient;

import java.net.URI;

/**
 * Turns the host root people configure ({@code https://modelslab.com}, {@code http://127.0.0.1:8080})
 * into the API base the generated client resolves paths against, so nobody has to remember the prefix.
 */
final class ApiBaseUrl {

    /** The contract's first server, as the generated client defaults to it: the live API. */
    private static final URI CONTRACT_SERVER = URI.create(new ApiClient().getBaseUri());

    static final String API_PREFIX = CONTRACT_SERVER.getPath();
    static final String DEFAULT_HOST_ROOT = CONTRACT_SERVER.getScheme() + "://" + CONTRACT_SERVER.getRawAuthority();

    private ApiBaseUrl() {
    }

    /**
     * The host root of an API base: where the contract's site-root operation (the verification link,
     * whose path item names the host root as its server) is resolved against.
     */
    static String hostRootOf(String apiBaseUrl) {
        return apiBaseUrl.endsWith(API_PREFIX) ? apiBaseUrl.substring(0, apiBaseUrl.length() - API_PREFIX.length()) : apiBaseUrl;
    }

    /** The API base for a host root; a root that already ends with the prefix is kept as it is. */
    static String fromHostRoot(String hostRoot) {
        if (hostRoot == null || hostRoot.isBlank()) {
            throw new IllegalArgumentException("base URL must not be blank");
        }
        String trimmed = hostRoot.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = URI.create(trimmed);
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL: " + hostRoot);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("base URL must not carry a query or fragment: " + hostRoot);
        }
        return trimmed.endsWith(API_PREFIX) ? trimmed : trimmed + API_PREFIX;
    }
}
