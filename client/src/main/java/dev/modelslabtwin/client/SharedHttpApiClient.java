package dev.modelslabtwin.client;

import dev.modelslabtwin.client.invoker.ApiClient;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * The generated {@link ApiClient} builds a new {@link HttpClient} for every API object it configures;
 * this one hands out a single shared instance instead, so the five API groups and every client made by
 * {@code withToken} reuse one connection pool. It also stamps each request with the client's headers.
 */
final class SharedHttpApiClient extends ApiClient {

    private final HttpClient httpClient;

    SharedHttpApiClient(HttpClient httpClient, ClientSettings settings) {
        super(HttpClient.newBuilder(), createDefaultObjectMapper(), settings.apiBaseUrl());
        this.httpClient = httpClient;
        setReadTimeout(settings.requestTimeout());
        String authorization = settings.token() == null ? null : "Bearer " + settings.token();
        String userAgent = settings.userAgent();
        setRequestInterceptor(request -> stamp(request, authorization, userAgent));
    }

    @Override
    public HttpClient getHttpClient() {
        return httpClient;
    }

    private static void stamp(HttpRequest.Builder request, String authorization, String userAgent) {
        request.setHeader("Accept", "application/json");
        request.setHeader("User-Agent", userAgent);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
    }
}
