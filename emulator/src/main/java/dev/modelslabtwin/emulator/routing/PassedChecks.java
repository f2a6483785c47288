package dev.modelslabtwin.emulator.routing;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests and answers already found to keep the contract, so that the same one is not checked again:
 * a poll of the balance, a status read while nothing changes. A check is a function of what it reads,
 * so the key holds all of it: for a request its method, path, query string, headers and body; for an
 * answer its operation, status and body, but for its request id (every request id is a UUID, checked
 * alike). Only the most recently seen are kept, within a bound on their number and their size, so
 * the memory this takes is bounded whatever the load. What breaks the contract is never kept: it is
 * refused or reported every time.
 */
final class PassedChecks {

    static final int MAX_ENTRIES = 512;
    /** A page of 50 transactions is about 15,000 characters. */
    static final int MAX_KEY_CHARS = 32_768;
    /** All keys together: a few megabytes of heap at the most. */
    static final int MAX_TOTAL_CHARS = 1_048_576;

    private final LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>(MAX_ENTRIES * 2, 0.75f, true);
    private long totalChars;

    /** The key an answer is remembered by, or null when it is too large to be kept. */
    static String answerKey(String operationId, int status, String body, String requestId) {
        String withoutId = requestId == null || requestId.isEmpty() ? body : body.replace(requestId, "");
        return bounded(operationId + ' ' + status + '\n' + withoutId);
    }

    /**
     * The key a request is remembered by, or null when it is too large to be kept; {@code asJson}: the
     * body was turned into JSON from another form (checked as JSON whatever its Content-Type says).
     */
    static String requestKey(String method, String path, String queryString, Map<String, String> headers, String body,
                             boolean asJson) {
        return bounded(method + ' ' + path + '?' + (queryString == null ? "" : queryString) + '\n' + headers + '\n'
                + asJson + '\n' + (body == null ? "" : body));
    }

    private static String bounded(String key) {
        return key.length() <= MAX_KEY_CHARS ? key : null;
    }

    synchronized boolean contains(String key) {
        return key != null && keys.get(key) != null;
    }

    synchronized void add(String key) {
        if (key == null || keys.put(key, Boolean.TRUE) != null) {
            return;
        }
        totalChars += key.length();
        Iterator<String> eldest = keys.keySet().iterator();
        while (keys.size() > MAX_ENTRIES || totalChars > MAX_TOTAL_CHARS) {
            totalChars -= eldest.next().length();
            eldest.remove();
        }
    }

    synchronized long totalChars() {
        return totalChars;
    }

    synchronized int size() {
        return keys.size();
    }
}
