package dev.modelslabtwin.client;

import dev.modelslabtwin.client.api.AuthApi;
import dev.modelslabtwin.client.api.BillingApi;
import dev.modelslabtwin.client.api.PaymentsApi;
import dev.modelslabtwin.client.api.SubscriptionsApi;
import dev.modelslabtwin.client.api.WalletApi;
import dev.modelslabtwin.client.invoker.ApiClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The hand-written entry point to the ModelsLab Agents API (billing, wallet, subscriptions, auth).
 *
 * <p>The generated client speaks the contract faithfully but leaves every caller to unwrap envelopes,
 * decode error bodies, retry safely and invent idempotency keys. This client does those once:
 * calls return the envelope's {@code data} as the generated model, every failure is a
 * {@link ModelsLabException}, and retries never charge twice. It is immutable and thread-safe.
 *
 * <pre>{@code
 * ModelsLabClient client = ModelsLabClient.builder().build();      // MODELSLAB_BASE_URL, MODELSLAB_TOKEN
 * BigDecimal balance = client.wallet().balance().getBalance();
 * }</pre>
 */
public final class ModelsLabClient {

    /** Environment variable holding the host root, e.g. {@code http://127.0.0.1:8080} for the emulator. */
    public static final String BASE_URL_ENV = "MODELSLAB_BASE_URL";
    /** Environment variable holding the bearer token. */
    public static final String TOKEN_ENV = "MODELSLAB_TOKEN";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final ClientSettings settings;
    private final HttpClient httpClient;
    private final WalletCalls wallet;
    private final BillingCalls billing;
    private final SubscriptionCalls subscriptions;
    private final AuthCalls auth;
    private final PaymentCalls payments;
    private final PaymentFlows paymentFlows;

    private ModelsLabClient(ClientSettings settings, HttpClient httpClient) {
        this.settings = settings;
        this.httpClient = httpClient;
        ApiClient apiClient = new SharedHttpApiClient(httpClient, settings);
        CallRunner runner = new CallRunner(settings.retryPolicy(), settings.sleeper(),
                new ErrorDecoder(apiClient.getObjectMapper(), settings.clock()));
        this.wallet = new WalletCalls(new WalletApi(apiClient), runner);
        this.billing = new BillingCalls(new BillingApi(apiClient), runner);
        this.subscriptions = new SubscriptionCalls(new SubscriptionsApi(apiClient), runner);
        ApiClient siteRoot = new SharedHttpApiClient(httpClient, settings);
        siteRoot.updateBaseUri(ApiBaseUrl.hostRootOf(settings.apiBaseUrl()));
        this.auth = new AuthCalls(new AuthApi(apiClient), new AuthApi(siteRoot), runner);
        this.payments = new PaymentCalls(new PaymentsApi(apiClient), runner);
        this.paymentFlows = new PaymentFlows(wallet, billing, subscriptions, payments,
                new Poller(settings.clock(), settings.sleeper()));
    }

    /** A builder reading defaults from {@value #BASE_URL_ENV} and {@value #TOKEN_ENV}. */
    public static Builder builder() {
        return builder(System::getenv);
    }

    /** A builder reading defaults from {@code env} instead of the process environment (tests). */
    static Builder builder(Function<String, String> env) {
        return new Builder(env);
    }

    /**
     * A client with the same configuration and connection pool but another bearer token, e.g. the one
     * {@code auth().login(...)} just issued. {@code null} makes a client without a token.
     */
    public ModelsLabClient withToken(String token) {
        return new ModelsLabClient(settings.withToken(blankToNull(token)), httpClient);
    }

    public WalletCalls wallet() {
        return wallet;
    }

    public BillingCalls billing() {
        return billing;
    }

    public SubscriptionCalls subscriptions() {
        return subscriptions;
    }

    public AuthCalls auth() {
        return auth;
    }

    public PaymentCalls payments() {
        return payments;
    }

    /** Multi-step payment paths: headless card with 3D Secure, card setup, human-assisted Checkout. */
    public PaymentFlows paymentFlows() {
        return paymentFlows;
    }

    /** The API base every path is resolved against, {@code /api/agents/v1} included. */
    public String apiBaseUrl() {
        return settings.apiBaseUrl();
    }

    /** Whether calls carry a bearer token. */
    public boolean hasToken() {
        return settings.token() != null;
    }

    @Override
    public String toString() {
        return "ModelsLabClient{" + settings + "}";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Configures a {@link ModelsLabClient}. Values set here win over the environment; unset ones come from
     * {@value ModelsLabClient#BASE_URL_ENV} (else {@code https://modelslab.com}) and
     * {@value ModelsLabClient#TOKEN_ENV} (else no token,
     * which is enough for signup, verification, login and the scope list).
     */
    public static final class Builder {

        private final Function<String, String> env;
        private String baseUrl;
        private String token;
        private boolean tokenSet;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private String userAgent = defaultUserAgent();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();

        private Builder(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
        }

        /**
         * The host root, e.g. {@code https://modelslab.com} or {@code http://127.0.0.1:8080};
         * {@code /api/agents/v1} is appended unless already there.
         */
        public Builder baseUrl(String hostRoot) {
            this.baseUrl = hostRoot;
            return this;
        }

        /** The bearer token; {@code null} means none, even when {@value ModelsLabClient#TOKEN_ENV} is set. */
        public Builder token(String token) {
            this.token = token;
            this.tokenSet = true;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one attempt may take, answer included; retries get their own. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        public Builder userAgent(String userAgent) {
            if (userAgent == null || userAgent.isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            this.userAgent = userAgent;
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ModelsLabClient build() {
            String hostRoot = baseUrl != null ? baseUrl : blankToNull(env.apply(BASE_URL_ENV));
            String apiBase = ApiBaseUrl.fromHostRoot(hostRoot == null ? ApiBaseUrl.DEFAULT_HOST_ROOT : hostRoot);
            String bearer = blankToNull(tokenSet ? token : env.apply(TOKEN_ENV));
            ClientSettings settings = new ClientSettings(apiBase, bearer, retryPolicy, connectTimeout, requestTimeout,
                    userAgent, sleeper, clock);
            HttpClient httpClient = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            return new ModelsLabClient(settings, httpClient);
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        private static String defaultUserAgent() {
            String version = ModelsLabClient.class.getPackage().getImplementationVersion();
            return "modelslab-twin-java-client/" + (version == null ? "dev" : version)
                    + " (Java " + Runtime.version().feature() + ")";
        }
    }
}
