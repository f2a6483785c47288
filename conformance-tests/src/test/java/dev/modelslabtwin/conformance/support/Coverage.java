package dev.modelslabtwin.conformance.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operations of the contract the run exercised, computed from the exchanges the filter recorded:
 * an operation is covered when a test that passed saw it answer a conforming 2xx and a conforming 4xx
 * (a refused request: bad input, no token, wrong state, or a rate limit).
 */
public final class Coverage {

    /** One operation's line of the table. */
    public record Row(ContractOperation operation, int succeeded, int refused, int checks, int failures) {

        public boolean covered() {
            return succeeded > 0 && refused > 0;
        }

        public String missing() {
            List<String> missing = new ArrayList<>();
            if (succeeded == 0) {
                missing.add("no conforming 2xx");
            }
            if (refused == 0) {
                missing.add("no conforming 4xx");
            }
            return String.join(", ", missing);
        }
    }

    private Coverage() {
    }

    public static List<Row> of(ContractIndex contract, Exchanges exchanges) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        contract.operations().forEach(op -> counts.put(op.operationId(), new int[4]));
        Set<String> failedTests = exchanges.failedTests();
        for (Exchanges.Exchange exchange : exchanges.exchanges()) {
            int[] row = counts.get(exchange.operationId());
            if (row == null) {
                continue;
            }
            row[2]++;
            if (!exchange.conforms()) {
                row[3]++;
                continue;
            }
            if (failedTests.contains(exchange.testId())) {
                continue;
            }
            if (exchange.status() >= 200 && exchange.status() < 300) {
                row[0]++;
            } else if (exchange.status() >= 400 && exchange.status() < 500) {
                row[1]++;
            }
        }
        for (Exchanges.Check check : exchanges.checks()) {
            int[] row = counts.get(check.operationId());
            if (row != null) {
                row[2]++;
                if (!check.passed()) {
                    row[3]++;
                }
            }
        }
        for (String failed : failedTests) {
            int[] row = counts.get(exchanges.lastOperationOf(failed));
            if (row != null) {
                row[3]++;
            }
        }
        return contract.operations().stream().map(op -> {
            int[] c = counts.get(op.operationId());
            return new Row(op, c[0], c[1], c[2], c[3]);
        }).toList();
    }

    /** The table, one operation a line, as printed and written to the summary. */
    public static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("| %-28s | %-52s | %-14s | %5s | %5s | %6s | %8s | %-7s |%n",
                "operation", "call", "impact", "2xx", "4xx", "checks", "failures", "covered"));
        table.append("|").append("-".repeat(30)).append("|").append("-".repeat(54)).append("|").append("-".repeat(16))
                .append("|").append("-".repeat(7)).append("|").append("-".repeat(7)).append("|").append("-".repeat(8))
                .append("|").append("-".repeat(10)).append("|").append("-".repeat(9)).append("|").append(System.lineSeparator());
        for (Row row : rows) {
            table.append(String.format("| %-28s | %-52s | %-14s | %5d | %5d | %6d | %8d | %-7s |%n",
                    row.operation().operationId(), row.operation().signature(), row.operation().impact(),
                    row.succeeded(), row.refused(), row.checks(), row.failures(), row.covered() ? "yes" : "NO"));
        }
        return table.toString();
    }
}
