package dev.modelslabtwin.conformance.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import dev.modelslabtwin.openapi.Contract;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API of one target as the suite calls it, through Rest-Assured with the contract filter on
 * every request. Immutable: {@code as(token)}, {@code withHeader(...)} and {@code rejectingInput()}
 * return adjusted copies.
 */
public final class Api {

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000)
            .setParam("http.socket.timeout", 60_000)
            .reuseHttpClientInstance());

    private static final Map<String, OpenApiValidationFilter> VALIDATION = new java.util.concurrent.ConcurrentHashMap<>();

    private final URI root;
    private final String token;
    private final Map<String, String> headers;
    private final List<Filter> checkingRequests;
    private final List<Filter> trustingRequests;
    private final boolean requestsChecked;
    private final String apiBasePath;
    private final String rootPath;
    private final Exchanges exchanges;

    private Api(URI root, String token, Map<String, String> headers, List<Filter> checkingRequests,
                List<Filter> trustingRequests, boolean requestsChecked, String apiBasePath, String rootPath,
                Exchanges exchanges) {
        this.root = root;
        this.token = token;
        this.headers = Map.copyOf(headers);
        this.checkingRequests = checkingRequests;
        this.trustingRequests = trustingRequests;
        this.requestsChecked = requestsChecked;
        this.apiBasePath = apiBasePath;
        this.rootPath = rootPath;
        this.exchanges = exchanges;
    }

    /** The API under {@code root} (the host root, to which the contract's base path is appended). */
    public static Api at(URI root, String token, Exchanges exchanges) {
        String prefix = root.getPath() == null ? "" : root.getPath().replaceAll("/+$", "");
        String apiBasePath = prefix + Contract.basePath();
        OpenApiValidationFilter validation = VALIDATION.computeIfAbsent(apiBasePath, Api::validation);
        ContractIndex contract = ContractIndex.get();
        return new Api(URI.create(root.getScheme() + "://" + root.getRawAuthority()), token, Map.of(),
                ConformanceFilter.chain(new ConformanceFilter(contract, apiBasePath, prefix, exchanges, true), validation),
                ConformanceFilter.chain(new ConformanceFilter(contract, apiBasePath, prefix, exchanges, false), validation),
                true, apiBasePath, prefix, exchanges);
    }

    /**
     * The Atlassian validator's Rest-Assured filter reading the bundled contract, built once per base
     * path (reading the contract takes a while).
     */
    private static OpenApiValidationFilter validation(String apiBasePath) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(Contract.yaml())
                .withBasePathOverride(apiBasePath)
                // A browser asks the verification link for HTML and is answered a redirect, which has no media type.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE).build())
                // allOf envelopes are rejected (error and meta taken for extra properties) without this.
                .withResolveCombinators(true)
                .build());
    }

    public String token() {
        return token;
    }

    /** The same API with another bearer token ({@code null}: no Authorization header). */
    public Api as(String otherToken) {
        return new Api(root, otherToken, headers, checkingRequests, trustingRequests, requestsChecked, apiBasePath, rootPath,
                exchanges);
    }

    public Api withoutToken() {
        return as(null);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(root, token, more, checkingRequests, trustingRequests, requestsChecked, apiBasePath, rootPath,
                exchanges);
    }

    public Api withIdempotencyKey(String key) {
        return withHeader("Idempotency-Key", key);
    }

    /**
     * The same API sending requests that break the contract on purpose: only what the validator says
     * about the answers counts, what it says about such requests is expected.
     */
    public Api rejectingInput() {
        return new Api(root, token, headers, checkingRequests, trustingRequests, false, apiBasePath, rootPath, exchanges);
    }

    /**
     * Where a request for {@code apiPath} goes: under the API's base path, or at the site root for an
     * operation the contract puts there (the verification link, {@code /verify/{token}}).
     */
    String fromRoot(String apiPath) {
        String pathOnly = apiPath.contains("?") ? apiPath.substring(0, apiPath.indexOf('?')) : apiPath;
        return (ContractIndex.get().atSiteRoot(pathOnly) ? rootPath : apiBasePath) + apiPath;
    }

    public Call call(String method, String apiPath) {
        return new Call(this, method, apiPath);
    }

    public Answer get(String apiPath) {
        return call("GET", apiPath).send();
    }

    public Answer post(String apiPath) {
        return call("POST", apiPath).send();
    }

    public Answer post(String apiPath, Object body) {
        return call("POST", apiPath).body(body).send();
    }

    public Answer put(String apiPath) {
        return call("PUT", apiPath).send();
    }

    public Answer put(String apiPath, Object body) {
        return call("PUT", apiPath).body(body).send();
    }

    public Answer delete(String apiPath) {
        return call("DELETE", apiPath).send();
    }

    /** One request in the making. */
    public static final class Call {

        private static final int MAX_RATE_LIMIT_WAITS = 2;

        private final Api api;
        private final String method;
        private final String apiPath;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private String body;
        private String contentType = "application/json";
        private boolean waitOutRateLimits = true;

        private Call(Api api, String method, String apiPath) {
            this.api = api;
            this.method = method;
            this.apiPath = apiPath;
        }

        public Call query(String name, Object value) {
            query.put(name, String.valueOf(value));
            return this;
        }

        public Call header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        /** A JSON body: a String is sent as it is, anything else serialised. */
        public Call body(Object value) {
            this.body = Json.write(value);
            return this;
        }

        public Call rawBody(String text, String type) {
            this.body = text;
            this.contentType = type;
            return this;
        }

        /** Hands a 429 to the caller instead of waiting {@code Retry-After} and trying again. */
        public Call expectingRateLimits() {
            this.waitOutRateLimits = false;
            return this;
        }

        public Answer send() {
            for (int attempt = 0; ; attempt++) {
                Response response = request().request(method, api.fromRoot(apiPath));
                Map<String, String> headers = new LinkedHashMap<>();
                response.getHeaders().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
                Answer answer = new Answer(method + " " + apiPath, response.statusCode(), headers, response.asString(), api.exchanges);
                if (answer.status() != 429 || !waitOutRateLimits || attempt == MAX_RATE_LIMIT_WAITS) {
                    return answer;
                }
                sleepSeconds(answer.header("Retry-After"));
            }
        }

        private RequestSpecification request() {
            RequestSpecification spec = RestAssured.given()
                    .config(CONFIG)
                    .baseUri(api.root.toString())
                    .urlEncodingEnabled(true)
                    .accept("application/json")
                    // A redirect is an answer to judge (the verification link's browser mode), not to follow.
                    .redirects().follow(false)
                    .filters(api.requestsChecked ? api.checkingRequests : api.trustingRequests);
            if (api.token != null) {
                spec.header("Authorization", "Bearer " + api.token);
            }
            api.headers.forEach(spec::header);
            extraHeaders.forEach(spec::header);
            query.forEach(spec::queryParam);
            if (body != null) {
                spec.contentType(contentType).body(body);
            } else if (!method.equals("GET")) {
                // As the official CLI sends every call; Rest-Assured would otherwise label it a form.
                spec.contentType("application/json");
            }
            return spec;
        }

        private static void sleepSeconds(String retryAfter) {
            long seconds;
            try {
                seconds = Math.min(65, Math.max(1, Long.parseLong(retryAfter == null ? "1" : retryAfter.trim())));
            } catch (NumberFormatException e) {
                seconds = 5;
            }
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting out a rate limit", e);
            }
        }
    }
}
