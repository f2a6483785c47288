package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.faults.PathPatterns;
import dev.modelslabtwin.emulator.journal.JournalEntry;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import dev.modelslabtwin.emulator.routing.ContractValidator;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The control routes of the request journal: read it (filtered, masked), clear it. */
final class JournalOperations implements JournalApi {

    private final RequestJournal journal;

    JournalOperations(RequestJournal journal) {
        this.journal = journal;
    }

    @Override
    public Object listJournal(String method, String path, String status, String operationId, Long accountId,
                              String requestId, OffsetDateTime since, Integer limit) {
        RequestJournal.Page page = journal.find(new RequestJournal.Filter(method, path(path), status(status), operationId,
                accountId, requestId, since == null ? null : since.toInstant(), limit));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("capacity", page.capacity());
        answer.put("recorded", page.recorded());
        answer.put("entries", page.entries().stream().map(JournalEntry::view).toList());
        return answer;
    }

    @Override
    public Object clearJournal() {
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

}
