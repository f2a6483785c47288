package dev.modelslabtwin.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny test double of the API on the JDK's HTTP server: it answers queued replies in order and records
 * every request, so tests can script a server's behaviour and assert exactly what the client sent.
 */
final class ScriptedServer implements AutoCloseable {

    /** One recorded request; header names are lower-cased. */
    record Recorded(String method, String path, String query, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One scripted answer. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"));
        }

        static Reply data(String dataJson) {
            return json(200, "{\"data\":" + dataJson + ",\"error\":null,\"meta\":{\"request_id\":\"req-ok\"}}");
        }

        static Reply error(int status, String code, String message, String detailsJson) {
            return json(status, "{\"data\":null,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                    + "\",\"details\":" + detailsJson + "},\"meta\":{\"request_id\":\"req-" + status + "\"}}");
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The host root to configure the client with, e.g. {@code http://127.0.0.1:54321}. */
    String hostRoot() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ScriptedServer reply(Reply... answers) {
        replies.addAll(List.of(answers));
        return this;
    }

    List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    Recorded onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests);
        }
        return requests.get(0);
    }

    Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("no request was recorded");
        }
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = Reply.error(500, "unscripted", "No reply was scripted for this request", "{}");
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
