package dev.modelslabtwin.emulator.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers already found to keep the contract, so that the same answer is not checked again: a poll of
 * the balance, a status read while nothing changes. Two answers of one operation and status whose
 * bodies differ only in their request id are checked alike (every request id is a UUID), so the key
 * leaves the id out. Only small bodies are kept, and only the most recently seen, so the memory it takes
 * is bounded whatever the load; an answer that breaks the contract is never kept (it is reported every
 * time it goes out).
 */
final class CheckedAnswers {

    static final int MAX_ENTRIES = 512;
    static final int MAX_BODY_CHARS = 2_048;

    private final Map<String, Boolean> keys = new LinkedHashMap<>(MAX_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The key an answer is remembered by, or null when it is too large to be kept. */
    static String keyOf(String operationId, int status, String body, String requestId) {
        if (body.length() > MAX_BODY_CHARS) {
            return null;
        }
        String withoutId = requestId == null || requestId.isEmpty() ? body : body.replace(requestId, "");
        return operationId + ' ' + status + ' ' + withoutId;
    }

    synchronized boolean contains(String key) {
        return key != null && keys.containsKey(key);
    }

    synchronized void add(String key) {
        if (key != null) {
            keys.put(key, Boolean.TRUE);
        }
    }

    synchronized int size() {
        return keys.size();
    }
}
