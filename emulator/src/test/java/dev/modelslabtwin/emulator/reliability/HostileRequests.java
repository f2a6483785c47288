package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.routing.Json;
import dev.modelslabtwin.openapi.Contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variants of one operation's request, derived from the contract: its example path, query,
 * headers and body, each part in turn replaced by what attackers and broken clients send — huge,
 * negative and fractional-cent numbers, wrong types, unicode, SQL, invalid UTF-8 and percent-encoding,
 * nesting bombs, truncated and oversized bodies, wrong content types, malformed and giant headers —
 * then random combinations of them from a fixed seed until the operation has its share.
 */
final class HostileRequests {

    /** One request to send, and what its answer must be (0: any 2xx–4xx in the envelope). */
    record Case(String what, String method, byte[] target, List<byte[]> headers, byte[] body, int expectedStatus,
                boolean routed) {
    }

    /** The marker the token placeholder is replaced with just before sending. */
    static final String TOKEN = "{{token}}";

    private static final JsonNode DOCUMENT = document();

    static final List<String> SEGMENTS = List.of("0", "-1", "99999999999999999999999999", "1.5", "1e400", "NaN",
            "%27%3B%20DROP%20TABLE%20accounts%3B--", "1%20OR%201%3D1", "%E2%98%83", "\u2603", "%FF%FE", "%C0%AF", "%ZZ", "%",
            "%00", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "pm_%F0%9F%92%B3", "in_" + "x".repeat(3000), "%0d%0aX-Injected:%201",
            "a b", "<script>alert(1)</script>");

    static final List<String> QUERY_VALUES = List.of("-1", "0", "1.5", "0.001", "1e400", "99999999999999999999", "abc", "%ZZ",
            "%FF", "true", "%5B%5D", "%7B%7D", "", "%27%20OR%201%3D1--", "%E2%98%83%20%E2%80%AE", "x".repeat(5000), "%00", "NaN");

    static final List<String> BODY_VALUES = List.of("1e400", "-1e400", "1e999999999", "-1e-999999999", "-1", "0", "0.001",
            "10.005", "99999999999999999999999999.99", "NaN", "Infinity", "\"ten\"", "true", "null", "[]", "{}",
            "[".repeat(60) + "]".repeat(60), "\"' OR 1=1; DROP TABLE wallets; --\"", "\"\\u2603 \\u202e \\u0000 \\ud800\"",
            "\"" + "x".repeat(10_000) + "\"", "\"4242424242424242\"", "12345678901234567890", "\"\"", "\"  \"",
            "{\"$gt\": \"\"}", "\"%s%n\"", "-0", "1E+2", "0x1F");

    static final List<String> AUTHORIZATIONS = List.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer 1|' OR '1'='1",
            "Bearer " + "a".repeat(5000), "Bearer \u2603", "Bearer 99999999999999999999|abcdefghijklmnopqrstuvwx",
            "Bearer -1|abcdefghijklmnopqrstuvwxyz", "Bearer 1|", "Bearer |", "bearer " + TOKEN + " extra", "Token " + TOKEN);

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/xml", "application/json; charset=bogus",
            "application/json; charset=utf-16", "application/json;;;", "\u2603", "", "application/json, text/html",
            "application/yaml");

    private final ContractExamples.Operation operation;
    private final Random random;
    private final List<Parameter> parameters;
    private final JsonNode example;

    private record Parameter(String in, String name, JsonNode example) {
    }

    HostileRequests(ContractExamples.Operation operation, long seed) {
        this.operation = operation;
        this.random = new Random(seed);
        this.parameters = parameters(operation);
        this.example = operation.requestExample().orElse(null);
    }

    /** At least {@code count} cases: every single-part mutation, then seeded combinations. */
    List<Case> cases(int count) {
        List<Case> cases = new ArrayList<>(singleMutations());
        int singles = cases.size();
        while (cases.size() < count) {
            cases.add(combination(cases.subList(0, singles)));
        }
        return cases;
    }

    private List<Case> singleMutations() {
        List<Case> cases = new ArrayList<>();
        String path = operation.examplePath();
        String query = exampleQuery();
        boolean hasBody = operation.node().has("requestBody");
        byte[] body = example == null ? null : bytes(example.toString());
        // Path parameters.
        if (operation.path().contains("{")) {
            for (String segment : SEGMENTS) {
                String hostile = operation.path().replaceAll("\\{[^}]+}", segment);
                cases.add(request("path " + abbreviate(segment), hostile, query, baseHeaders(hasBody), body, false));
            }
        }
        // Query parameters, and query strings on operations that have none.
        for (Parameter parameter : parameters) {
            if (parameter.in().equals("query")) {
                for (String value : QUERY_VALUES) {
                    cases.add(request("query " + parameter.name() + "=" + abbreviate(value), path,
                            withQuery(query, parameter.name(), value), baseHeaders(hasBody), body, true));
                }
                cases.add(request("query " + parameter.name() + " twice", path,
                        join(query, parameter.name() + "=1&" + parameter.name() + "=2"), baseHeaders(hasBody), body, true));
            }
        }
        for (String extra : List.of("nope=1", "%ZZ=1", "limit=%FF%FE", "a=" + "%".repeat(3), "=&&=", "x=%E2%98%83")) {
            cases.add(request("query " + extra, path, join(query, extra), baseHeaders(hasBody), body, true));
        }
        // Headers.
        for (String authorization : AUTHORIZATIONS) {
            List<String> headers = baseHeaders(hasBody);
            headers.removeIf(h -> h.startsWith("Authorization:"));
            if (!authorization.isEmpty()) {
                headers.add("Authorization: " + authorization);
            }
            cases.add(request("Authorization " + abbreviate(authorization), path, query, headers, body, true));
        }
        for (String key : List.of("", "k".repeat(300), "k".repeat(5000), "\u2603\u202e", "key with spaces", "' OR 1=1")) {
            List<String> headers = baseHeaders(hasBody);
            headers.add("Idempotency-Key: " + key);
            cases.add(request("Idempotency-Key " + abbreviate(key), path, query, headers, body, true));
        }
        for (String accept : List.of("image/png", "text/html", "*/*;q=0", "\u2603")) {
            List<String> headers = baseHeaders(hasBody);
            headers.add("Accept: " + accept);
            cases.add(request("Accept " + accept, path, query, headers, body, true));
        }
        List<String> many = baseHeaders(hasBody);
        for (int i = 0; i < 150; i++) {
            many.add("X-Header-" + i + ": " + i);
        }
        cases.add(request("150 headers", path, query, many, body, true));
        List<String> giant = baseHeaders(hasBody);
        giant.add("X-Giant: " + "g".repeat(20_000));
        cases.add(expect(431, request("a 20 KB header", path, query, giant, body, false)));
        List<String> folded = baseHeaders(hasBody);
        folded.add("X-Folded: first");
        folded.add(" continued");
        cases.add(request("folded header", path, query, folded, body, false));
        Case plain = request("header of invalid UTF-8 bytes", path, query, baseHeaders(hasBody), body, true);
        List<byte[]> invalidBytes = new ArrayList<>(plain.headers());
        invalidBytes.add("X-Bytes: \u00ff\u00fe\u00c0".getBytes(StandardCharsets.ISO_8859_1));
        cases.add(new Case(plain.what(), plain.method(), plain.target(), invalidBytes, plain.body(), 0, plain.routed()));
        // Bodies.
        for (String contentType : CONTENT_TYPES) {
            List<String> headers = baseHeaders(false);
            headers.add("Content-Type: " + contentType);
            cases.add(request("Content-Type " + contentType, path, query, headers,
                    body == null ? bytes("{\"x\": 1}") : body, true));
        }
        if (example != null && example.isObject()) {
            Iterator<String> fields = example.fieldNames();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(names::add);
            for (String field : names) {
                for (String value : BODY_VALUES) {
                    cases.add(request("body " + field + "=" + abbreviate(value), path, query, baseHeaders(true),
                            bytes(withField(field, value)), true));
                }
                ObjectNode without = ((ObjectNode) example.deepCopy());
                without.remove(field);
                cases.add(request("body without " + field, path, query, baseHeaders(true), bytes(without.toString()), true));
            }
            for (String value : List.of("1", "\"x\"", "{\"number\": \"4242424242424242\", \"cvc\": \"123\"}")) {
                cases.add(request("body unknown field " + value, path, query, baseHeaders(true),
                        bytes(withField("unexpected_field", value)), true));
            }
        }
        for (String whole : wholeBodies(body)) {
            cases.add(request("body " + abbreviate(whole), path, query, baseHeaders(true), bytes(whole), true));
        }
        cases.add(request("body of invalid UTF-8", path, query, baseHeaders(true), invalidUtf8(body), true));
        cases.add(request("body with a byte-order mark", path, query, baseHeaders(true),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body == null ? bytes("{}") : body), true));
        cases.add(expect(413, request("a 70 KB body", path, query, baseHeaders(true),
                bytes("{\"padding\": \"" + "p".repeat(70_000) + "\"}"), true)));
        List<String> chunked = baseHeaders(true);
        chunked.add("Transfer-Encoding: chunked");
        cases.add(expect(413, request("a 200 KB chunked body", path, query, chunked,
                chunk(bytes("{\"padding\": \"" + "p".repeat(200_000) + "\"}")), true)));
        cases.add(request("a bad chunk size", path, query, chunked, bytes("zz\r\n{}\r\n0\r\n\r\n"), false));
        if (!hasBody) {
            cases.add(request("a body where none is expected", path, query, baseHeaders(true), bytes("{\"amount\": 25}"), true));
        }
        return cases;
    }

    private List<String> wholeBodies(byte[] body) {
        List<String> bodies = new ArrayList<>(List.of("", "   ", "null", "[]", "\"x\"", "1", "{", "}", "{\"a\":}", "{'a': 1}",
                "{\"a\": 1,}", "{\"a\": 1} trailing", "{\"a\": 1}{\"b\": 2}", "[".repeat(100_000 / 2) + "]".repeat(100_000 / 2 - 1),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "[" + "1,".repeat(20_000) + "1]",
                "{\"a\": \"\\u00\"}", "{\"a\": \"\u0001\u0002\"}", "\u2603"));
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            for (int i = 0; i < 3 && text.length() > 1; i++) {
                bodies.add(text.substring(0, 1 + random.nextInt(text.length() - 1)));
            }
            bodies.add(text.replaceFirst("\\{", "{\"amount\": 25, \"amount\": -5, "));
        }
        return bodies;
    }

    /** Two or three parts of single-part mutations, taken together (path of one, headers of another, body of a third). */
    private Case combination(List<Case> singles) {
        Case target = singles.get(random.nextInt(singles.size()));
        Case headers = singles.get(random.nextInt(singles.size()));
        Case body = random.nextBoolean() ? singles.get(random.nextInt(singles.size())) : target;
        // A chunked body and its Transfer-Encoding header go together (apart, the server rightly waits for the rest).
        if (chunked(headers) || chunked(body)) {
            Case framed = chunked(headers) ? headers : body;
            headers = framed;
            body = framed;
        }
        return new Case("combined: " + target.what() + " + " + headers.what() + " + " + body.what(), operation.method(),
                target.target(), headers.headers(), body.body(), 0,
                target.routed() && headers.routed() && body.routed());
    }

    private static boolean chunked(Case sent) {
        return sent.headers().stream().anyMatch(h -> new String(h, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT)
                .startsWith("transfer-encoding:"));
    }

    private Case request(String what, String path, String query, List<String> headers, byte[] body, boolean routed) {
        String target = ContractExamples.fromRoot(path) + (query.isEmpty() ? "" : "?" + query);
        List<byte[]> lines = new ArrayList<>();
        for (String header : headers) {
            lines.add(header.getBytes(StandardCharsets.UTF_8));
        }
        return new Case(operation.operationId() + ": " + what, operation.method(), target.getBytes(StandardCharsets.UTF_8),
                lines, body, 0, routed && path.equals(operation.examplePath()));
    }

    private static Case expect(int status, Case sent) {
        return new Case(sent.what(), sent.method(), sent.target(), sent.headers(), sent.body(), status, sent.routed());
    }

    private List<String> baseHeaders(boolean json) {
        List<String> headers = new ArrayList<>();
        headers.add("Authorization: Bearer " + TOKEN);
        if (json) {
            headers.add("Content-Type: application/json");
        }
        return headers;
    }

    private String exampleQuery() {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (parameter.in().equals("query") && parameter.example() != null && !parameter.example().isMissingNode()) {
                query.append(query.length() == 0 ? "" : "&").append(parameter.name()).append('=')
                        .append(java.net.URLEncoder.encode(parameter.example().asText(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static String withQuery(String query, String name, String value) {
        StringBuilder rebuilt = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            if (!pair.startsWith(name + "=")) {
                rebuilt.append(rebuilt.length() == 0 ? "" : "&").append(pair);
            }
        }
        return join(rebuilt.toString(), name + "=" + value);
    }

    private static String join(String query, String more) {
        return query.isEmpty() ? more : query + "&" + more;
    }

    private String withField(String field, String rawJson) {
        ObjectNode copy = ((ObjectNode) example.deepCopy());
        copy.set(field, TextNode.valueOf("\u0001HOSTILE\u0001"));
        try {
            return Json.MAPPER.writeValueAsString(copy).replace("\"\\u0001HOSTILE\\u0001\"", rawJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] invalidUtf8(byte[] body) {
        String text = body == null ? "{\"name\": \"x\"}" : new String(body, StandardCharsets.UTF_8);
        int quote = text.indexOf('"', text.indexOf(':') + 1);
        byte[] before = bytes(text.substring(0, Math.max(quote + 1, 1)));
        byte[] after = bytes(text.substring(Math.max(quote + 1, 1)));
        return concat(concat(before, new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}), after);
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 8192) {
            int size = Math.min(8192, body.length - at);
            chunked.writeBytes(bytes(Integer.toHexString(size) + "\r\n"));
            chunked.write(body, at, size);
            chunked.writeBytes(bytes("\r\n"));
        }
        chunked.writeBytes(bytes("0\r\n\r\n"));
        return chunked.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...(" + text.length() + " chars)";
    }

    private static List<Parameter> parameters(ContractExamples.Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = parameter.has("$ref") ? DOCUMENT.at(parameter.get("$ref").asText().substring(1)) : parameter;
            parameters.add(new Parameter(resolved.path("in").asText(), resolved.path("name").asText(),
                    resolved.has("example") ? resolved.get("example") : null));
        }
        return parameters;
    }

    private static JsonNode document() {
        try {
            return Json.MAPPER.readTree(Contract.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> describe(Case sent) {
        return Map.of("what", sent.what(), "method", sent.method(),
                "target", abbreviate(new String(sent.target(), StandardCharsets.UTF_8)));
    }
}
