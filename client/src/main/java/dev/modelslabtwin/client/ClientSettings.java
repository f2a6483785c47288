package dev.modelslabtwin.client;

import java.time.Clock;
import java.time.Duration;

/** Everything a built client was configured with; immutable, so clients made by {@code withToken} share it. */
record ClientSettings(String apiBaseUrl, String token, RetryPolicy retryPolicy, Duration connectTimeout,
                      Duration requestTimeout, String userAgent, Sleeper sleeper, Clock clock) {

    ClientSettings withToken(String newToken) {
        return new ClientSettings(apiBaseUrl, newToken, retryPolicy, connectTimeout, requestTimeout, userAgent, sleeper, clock);
    }

    @Override
    public String toString() {
        // Never print the bearer token.
        return "ClientSettings{apiBaseUrl=" + apiBaseUrl + ", token=" + (token == null ? "none" : "***")
                + ", retryPolicy=" + retryPolicy + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", userAgent=" + userAgent + "}";
    }
}
