package dev.modelslabtwin.emulator.journal;

import dev.modelslabtwin.emulator.routing.ApiExchange;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks back at every request once it is answered: one log line for each (method, path, status,
 * duration, request id, the MCP tool call that made it — never a body, a token or card data), and a
 * journal entry for each request to the API.
 */
public final class Traffic {

    /** The logger of the per-request lines. */
    public static final String LOGGER = "dev.modelslabtwin.emulator.requests";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final List<String> REQUEST_HEADERS = List.of("authorization", "content-type", "idempotency-key", "user-agent");
    private static final List<String> RESPONSE_HEADERS = List.of("retry-after", "idempotent-replayed", "x-ratelimit-remaining");

    private final RequestJournal journal;
    private final boolean logRequests;
    private final Clock emulatedClock;
    private final String apiBasePath;

    private Traffic(RequestJournal journal, boolean logRequests, Clock emulatedClock, String apiBasePath) {
        this.journal = journal;
        this.logRequests = logRequests;
        this.emulatedClock = emulatedClock;
        this.apiBasePath = apiBasePath;
    }

    /** Watches every request the server answers; {@code logRequests} false keeps the log quiet. */
    public static void install(JavalinConfig config, RequestJournal journal, boolean logRequests, Clock emulatedClock,
                               String apiBasePath) {
        Traffic traffic = new Traffic(journal, logRequests, emulatedClock, apiBasePath);
        config.requestLogger.http(traffic::answered);
    }

    private void answered(Context http, Float executionMillis) {
        ApiExchange exchange = ApiExchange.find(http);
        boolean dropped = exchange != null && exchange.dropped();
        Integer status = dropped ? null : http.statusCode();
        String requestId = http.attribute("request_id");
        if (logRequests) {
            log(http, status, executionMillis, requestId);
        }
        // The API's requests: under its base path, and those an operation at another base answered (the verification link).
        if (journal.enabled() && (http.path().startsWith(apiBasePath) || exchange != null && exchange.operationId() != null)) {
            journal.record(entry(http, exchange, status, executionMillis, requestId));
        }
    }

    private void log(Context http, Integer status, Float millis, String requestId) {
        String authorization = http.header("Authorization");
        EntryPoint mcp = http.attribute(EntryPoint.ATTRIBUTE);
        LOG.info("{} {} {} {}ms request_id={}{}{}", http.method().name(), Masking.url(http.path()), status == null ? "dropped" : status,
                Math.round(millis), requestId == null ? "-" : requestId,
                authorization == null ? "" : " auth=\"" + Masking.authorization(authorization) + "\"",
                mcp == null ? "" : " via=mcp:" + mcp.tool() + "/" + mcp.action());
    }

    private JournalEntry entry(Context http, ApiExchange exchange, Integer status, Float millis, String requestId) {
        Instant answeredAt = Instant.now();
        Duration took = Duration.ofNanos((long) (millis * 1_000_000));
        String text = exchange == null ? null : exchange.requestText();
        boolean whole = text == null || text.length() <= RequestJournal.MAX_BODY_CHARS;
        return new JournalEntry(journal.nextId(), answeredAt.minus(took), emulatedClock.instant().minus(took), millis,
                http.method().name(), http.path(), http.queryString(), status, requestId,
                exchange == null ? null : exchange.operationId(), exchange == null ? null : exchange.accountId(),
                exchange == null ? null : exchange.faultId(), headers(http, REQUEST_HEADERS, true),
                whole ? text : text.substring(0, RequestJournal.MAX_BODY_CHARS),
                whole && exchange != null ? exchange.requestJson() : null,
                headers(http, RESPONSE_HEADERS, false), exchange == null ? null : exchange.response(),
                http.attribute(EntryPoint.ATTRIBUTE));
    }

    private static Map<String, String> headers(Context http, List<String> names, boolean request) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : names) {
            String value = request ? http.header(name) : http.res().getHeader(name);
            if (value != null) {
                found.put(name, value);
            }
        }
        return found;
    }
}
