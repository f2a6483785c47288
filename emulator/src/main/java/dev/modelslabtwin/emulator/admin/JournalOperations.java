package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.faults.PathPatterns;
import dev.modelslabtwin.emulator.journal.JournalEntry;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import dev.modelslabtwin.emulator.routing.ContractValidator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The control routes of the request journal: read it (filtered, masked), clear it. */
final class JournalOperations {

    private static final int DEFAULT_LIMIT = 100;

    private final RequestJournal journal;

    JournalOperations(RequestJournal journal) {
        this.journal = journal;
    }

    Object list(ControlRequest request) {
        String limit = request.query("limit");
        String accountId = request.query("account_id");
        String since = request.query("since");
        RequestJournal.Page page = journal.find(new RequestJournal.Filter(request.query("method"),
                path(request.query("path")), status(request.query("status")), request.query("operation_id"),
                accountId == null ? null : Long.valueOf(accountId), request.query("request_id"),
                since == null ? null : instant(since), limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("capacity", page.capacity());
        answer.put("recorded", page.recorded());
        answer.put("entries", page.entries().stream().map(JournalEntry::view).toList());
        return answer;
    }

    Object clear(ControlRequest request) {
        return Map.of("cleared", journal.clear());
    }

    /** A path pattern as faults take them, matched against the path below the API base. */
    private static Predicate<String> path(String pattern) {
        if (pattern == null) {
            return null;
        }
        String base = ContractValidator.BASE_PATH;
        Pattern compiled = PathPatterns.compile(pattern, base);
        return path -> path.startsWith(base) && compiled.matcher(path.substring(base.length())).matches();
    }

    /** {@code 402} or a class such as {@code 4xx}. */
    private static Predicate<Integer> status(String wanted) {
        if (wanted == null) {
            return null;
        }
        if (wanted.endsWith("xx")) {
            int hundreds = wanted.charAt(0) - '0';
            return status -> status != null && status / 100 == hundreds;
        }
        int exact = Integer.parseInt(wanted);
        return status -> status != null && status == exact;
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
