package dev.modelslabtwin.conformance.support;

import dev.modelslabtwin.openapi.provenance.FieldRules;
import dev.modelslabtwin.openapi.provenance.Parity;
import dev.modelslabtwin.openapi.provenance.Provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run found about the twin's guesses, written to {@code target/provenance-report.md} (and, for
 * the behaviours, a section of the summary): each behaviour, error code and request field rule the
 * contract marks inferred or emulator, and whether the run's checks confirmed it (the target behaved
 * as the twin does), contradicted it (with what the target answered) or did not exercise it. Against
 * the live API this turns guesses into facts; against an emulator every outcome is the twin's own,
 * which shows the machinery works and nothing more.
 */
public final class ProvenanceReport {

    public static final String FILE = "provenance-report.md";

    /** One thing with a guessed provenance, and what the run found about it. */
    public record Row(String subject, String where, Provenance provenance, Observation.Outcome outcome, String evidence) {
    }

    private ProvenanceReport() {
    }

    static void report(Target target, Exchanges exchanges) {
        Path file = target.settings().reportDirectory().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(target, exchanges));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The whole report: header, then behaviours, error codes and request field rules. */
    public static String render(Target target, Exchanges exchanges) {
        Parity parity = Parity.packaged();
        StringBuilder out = new StringBuilder("# Provenance report\n\n");
        out.append("- Target: ").append(target.describe()).append('\n');
        target.notReadyReason().ifPresent(reason -> out.append("- NOT CHECKED: ").append(reason).append('\n'));
        out.append("- ").append(meaning(target)).append('\n').append('\n');
        table(out, "Behaviours the contract marks inferred or emulator", "behaviour", behaviours(parity, exchanges));
        table(out, "Error codes the contract marks inferred or emulator", "error code", errorCodes(parity, exchanges));
        table(out, "Request field rules the contract marks inferred or emulator", "operation and field", fieldRules(parity, exchanges));
        return out.toString();
    }

    /** The summary's section: the behaviours, with the other counts and where the rest is. */
    static String section(Target target, Exchanges exchanges) {
        Parity parity = Parity.packaged();
        StringBuilder out = new StringBuilder("## Provenance: what this run confirmed of the twin's guesses\n\n");
        target.notReadyReason().ifPresent(reason -> out.append("NOT CHECKED: ").append(reason).append("\n\n"));
        out.append(meaning(target)).append(" Error codes: ").append(counts(errorCodes(parity, exchanges)))
                .append(". Request field rules: ").append(counts(fieldRules(parity, exchanges)))
                .append(". Every row is in ").append(FILE).append(".\n\n");
        table(out, null, "behaviour", behaviours(parity, exchanges));
        return out.toString();
    }

    public static List<Row> behaviours(Parity parity, Exchanges exchanges) {
        Map<String, List<Observation>> seen = byName(exchanges, Observation.Subject.BEHAVIOUR, Function.identity());
        List<Row> rows = new ArrayList<>();
        for (Parity.Behaviour behaviour : parity.behaviours()) {
            if (behaviour.provenance().kind().isGuess()) {
                rows.add(row(behaviour.id(), String.join(", ", behaviour.operations().size() == parity.operations().size()
                        ? List.of("all operations") : behaviour.operations()), behaviour.provenance(),
                        seen.getOrDefault(behaviour.id(), List.of()),
                        behaviour.checks().isEmpty() ? "no conformance check verifies it" : "no check of this run reached it"));
            }
        }
        return rows;
    }

    public static List<Row> errorCodes(Parity parity, Exchanges exchanges) {
        Map<String, List<Observation>> seen = byName(exchanges, Observation.Subject.ERROR_CODE, Function.identity());
        List<Row> rows = new ArrayList<>();
        for (Parity.ErrorCode code : parity.errorCodes()) {
            if (code.provenance().kind().isGuess()) {
                rows.add(row(code.code(), String.join(", ", code.statuses()), code.provenance(),
                        seen.getOrDefault(code.code(), List.of()), "no check of this run expected it"));
            }
        }
        return rows;
    }

    public static List<Row> fieldRules(Parity parity, Exchanges exchanges) {
        Map<String, FieldRules.Rule> rules = new LinkedHashMap<>();
        Map<String, String> firstOperation = new LinkedHashMap<>();
        Map<String, FieldRules.Rule> byObservedName = new LinkedHashMap<>();
        for (Parity.Operation operation : parity.operations()) {
            for (FieldRules.Rule rule : operation.fieldRules()) {
                rules.putIfAbsent(rule.id(), rule);
                firstOperation.putIfAbsent(rule.id(), operation.id());
                String where = rule.where().endsWith("[]") ? rule.where().substring(0, rule.where().length() - 2) : rule.where();
                byObservedName.putIfAbsent(operation.id() + " " + where + " " + rule.keyword(), rule);
            }
        }
        Map<String, List<Observation>> seen = byName(exchanges, Observation.Subject.FIELD_RULE,
                name -> Optional.ofNullable(byObservedName.get(name)).map(FieldRules.Rule::id).orElse(name));
        List<Row> rows = new ArrayList<>();
        rules.forEach((id, rule) -> {
            if (rule.provenance() != null && rule.provenance().kind().isGuess()) {
                rows.add(row(firstOperation.get(id) + " " + rule.where(), rule.keyword() + " " + rule.value(), rule.provenance(),
                        seen.getOrDefault(id, List.of()), "no generated case of this run broke it"));
            }
        });
        return rows;
    }

    private static Map<String, List<Observation>> byName(Exchanges exchanges, Observation.Subject subject,
                                                         Function<String, String> key) {
        return exchanges.observations().stream().filter(o -> o.subject() == subject)
                .collect(Collectors.groupingBy(o -> key.apply(o.name()), LinkedHashMap::new, Collectors.toList()));
    }

    /** Contradicted if any check contradicted it, confirmed if any confirmed it, else not exercised. */
    private static Row row(String subject, String where, Provenance provenance, List<Observation> seen, String unseen) {
        List<Observation> contradicting = seen.stream().filter(o -> o.outcome() == Observation.Outcome.CONTRADICTED).toList();
        if (!contradicting.isEmpty()) {
            Observation first = contradicting.get(0);
            return new Row(subject, where, provenance, Observation.Outcome.CONTRADICTED, first.check() + ": " + first.detail()
                    + (contradicting.size() > 1 ? " (and " + (contradicting.size() - 1) + " more)" : ""));
        }
        List<String> confirming = seen.stream().filter(o -> o.outcome() == Observation.Outcome.CONFIRMED)
                .map(Observation::check).distinct().toList();
        if (!confirming.isEmpty()) {
            return new Row(subject, where, provenance, Observation.Outcome.CONFIRMED, confirming.stream().limit(3)
                    .collect(Collectors.joining(", ")) + (confirming.size() > 3 ? " (and " + (confirming.size() - 3) + " more)" : ""));
        }
        String reason = seen.stream().map(Observation::detail).filter(d -> !d.isBlank()).findFirst().orElse(unseen);
        return new Row(subject, where, provenance, Observation.Outcome.NOT_EXERCISED, reason);
    }

    private static void table(StringBuilder out, String title, String what, List<Row> rows) {
        if (title != null) {
            out.append("## ").append(title).append("\n\n").append(counts(rows)).append(".\n\n");
        }
        out.append("| ").append(what).append(" | where | provenance | outcome | evidence |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| `").append(row.subject()).append("` | ").append(cell(row.where())).append(" | ")
                    .append(row.provenance().kind().label()).append(" | ").append(label(row.outcome())).append(" | ")
                    .append(cell(row.evidence())).append(" |\n");
        }
        out.append('\n');
    }

    private static String counts(List<Row> rows) {
        Map<Observation.Outcome, Long> counts = rows.stream().collect(Collectors.groupingBy(Row::outcome, Collectors.counting()));
        return counts.getOrDefault(Observation.Outcome.CONFIRMED, 0L) + " confirmed, "
                + counts.getOrDefault(Observation.Outcome.CONTRADICTED, 0L) + " contradicted, "
                + counts.getOrDefault(Observation.Outcome.NOT_EXERCISED, 0L) + " not exercised, of " + rows.size();
    }

    private static String label(Observation.Outcome outcome) {
        return switch (outcome) {
            case CONFIRMED -> "confirmed";
            case CONTRADICTED -> "**contradicted**";
            case NOT_EXERCISED -> "not exercised";
        };
    }

    private static String meaning(Target target) {
        return target.isEmulator()
                ? "The target is an emulator: \"confirmed\" means it behaved as the twin's contract says (as the twin does), which "
                + "shows the checks and this report work; it says nothing of the live API."
                : "The target is treated as the live API: \"confirmed\" means it behaved as the twin does, \"contradicted\" that the "
                + "twin's guess is wrong there, with what it answered.";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
