package dev.modelslabtwin.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a run proved, printed at its end and written to {@code target/conformance-summary.md}: the
 * target, operations covered, checks run, generated cases, failures by operation, what was skipped
 * and why, the coverage table, and which of the twin's guesses the run confirmed ({@link ProvenanceReport}).
 */
public final class Summary {

    public static final String FILE = "conformance-summary.md";

    private Summary() {
    }

    static void report(Target target, Exchanges exchanges, boolean gateRan) {
        String text = render(target, exchanges, gateRan);
        System.out.println(System.lineSeparator() + text);
        Path file = target.settings().reportDirectory().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static String render(Target target, Exchanges exchanges, boolean gateRan) {
        ContractIndex contract = ContractIndex.get();
        List<Coverage.Row> rows = Coverage.of(contract, exchanges);
        List<Exchanges.Exchange> all = exchanges.exchanges();
        List<Exchanges.Check> checks = exchanges.checks();
        long nonConforming = all.stream().filter(e -> !e.conforms()).count();
        long generated = checks.stream().filter(c -> c.category().equals("generated")).count();
        long generatedFailed = checks.stream().filter(c -> c.category().equals("generated") && !c.passed()).count();
        long recorded = checks.stream().filter(c -> c.category().equals("recorded")).count();
        long recordedFailed = checks.stream().filter(c -> c.category().equals("recorded") && !c.passed()).count();
        long covered = rows.stream().filter(Coverage.Row::covered).count();

        StringBuilder out = new StringBuilder();
        out.append("# Conformance summary").append('\n').append('\n');
        out.append("- Target: ").append(target.describe()).append('\n');
        target.notReadyReason().ifPresent(reason -> out.append("- NOT CHECKED: ").append(reason).append('\n'));
        out.append("- Contract: ").append(contract.document().getInfo().getTitle()).append(' ')
                .append(contract.version()).append(", ").append(rows.size()).append(" operations").append('\n');
        out.append("- Seed of the generated cases: ").append(target.settings().seed())
                .append(" (replay with -Dconformance.seed=").append(target.settings().seed()).append(")").append('\n');
        out.append("- Operations covered (a conforming 2xx and a conforming 4xx in passing tests): ")
                .append(covered).append('/').append(rows.size())
                .append(gateRan ? "" : " (coverage gate not run: part of the suite was selected)").append('\n');
        out.append("- Checks run: ").append(all.size() + checks.size()).append('\n');
        out.append("  - HTTP exchanges validated against the contract: ").append(all.size())
                .append(" (breaking it: ").append(nonConforming).append(")").append('\n');
        out.append("  - generated negative cases: ").append(generated).append(" (failed: ").append(generatedFailed).append(")")
                .append(generatedByConstraint(checks)).append('\n');
        out.append("  - recorded documentation answers and reads: ").append(recorded).append(" (failed: ").append(recordedFailed).append(")").append('\n');
        long mcp = checks.stream().filter(c -> c.category().equals("mcp")).count();
        long mcpFailed = checks.stream().filter(c -> c.category().equals("mcp") && !c.passed()).count();
        out.append("  - MCP tool answers (").append(target.mcpUrl()).append(") held to their operation's contract: ").append(mcp)
                .append(" (failed: ").append(mcpFailed).append(")").append('\n');
        out.append("- Tests failed: ").append(exchanges.failedTests().size())
                .append(", skipped: ").append(exchanges.skipped().size()).append('\n').append('\n');

        Map<String, Integer> failures = new TreeMap<>();
        rows.stream().filter(r -> r.failures() > 0).forEach(r -> failures.put(r.operation().operationId(), r.failures()));
        out.append("## Failures by operation").append('\n').append('\n');
        if (failures.isEmpty()) {
            out.append("None.").append('\n');
        } else {
            failures.forEach((op, n) -> out.append("- ").append(op).append(": ").append(n).append(failedTestsOf(exchanges, op)).append('\n'));
        }
        out.append('\n').append("## Skipped, and why").append('\n').append('\n');
        if (exchanges.skipped().isEmpty()) {
            out.append("Nothing.").append('\n');
        } else {
            Map<String, List<String>> byReason = new TreeMap<>();
            exchanges.skipped().forEach((test, reason) -> byReason.computeIfAbsent(reason, r -> new java.util.ArrayList<>()).add(test));
            byReason.forEach((reason, tests) -> out.append("- ").append(reason).append(" — ").append(tests.size())
                    .append(tests.size() == 1 ? " test: " : " tests: ").append(tests.stream().sorted().limit(5).collect(Collectors.joining(", ")))
                    .append(tests.size() > 5 ? ", …" : "").append('\n'));
        }
        out.append('\n').append("## Coverage").append('\n').append('\n');
        out.append(Coverage.table(rows));
        out.append('\n').append(ProvenanceReport.section(target, exchanges));
        return out.toString();
    }

    /** {@code ; by what they break: maximum 40, pattern 31, …}. */
    private static String generatedByConstraint(List<Exchanges.Check> checks) {
        Map<String, Long> counts = checks.stream().filter(c -> c.category().equals("generated"))
                .collect(Collectors.groupingBy(Exchanges.Check::kind, TreeMap::new, Collectors.counting()));
        return counts.isEmpty() ? "" : "; by what they break: " + counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String failedTestsOf(Exchanges exchanges, String operationId) {
        String tests = exchanges.failedTests().stream()
                .filter(t -> operationId.equals(exchanges.lastOperationOf(t)))
                .map(exchanges::testName).sorted().collect(Collectors.joining(", "));
        return tests.isEmpty() ? "" : " (failed tests: " + tests + ")";
    }
}
