package dev.modelslabtwin.openapi.provenance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The README's summary of the parity page, in Markdown: counts by provenance, overall and per tag.
 * The README holds it between {@link #START} and {@link #END}; a test fails when it is not this text.
 */
public final class ParitySummary {

    public static final String START = "<!-- parity-summary:start (generated from the contract; ParitySummary) -->";
    public static final String END = "<!-- parity-summary:end -->";

    private ParitySummary() {
    }

    public static String markdown(Parity parity) {
        StringBuilder out = new StringBuilder();
        List<Parity.Behaviour> guesses = parity.behaviours().stream().filter(b -> b.provenance().kind().isGuess()).toList();
        out.append("| | documented | inferred | emulator | all |\n|---|---:|---:|---:|---:|\n");
        row(out, "operations (the call, its method and path)", parity.operations(), Parity.Operation::provenance);
        row(out, "answers (the success body's shape)", parity.operations(), op -> op.aspects().get("answer"));
        row(out, "scopes", parity.operations().stream().filter(op -> op.aspects().containsKey("scope")).toList(),
                op -> op.aspects().get("scope"));
        row(out, "rate limiters of operations", parity.operations(), op -> op.aspects().get("limiter"));
        row(out, "behaviours", parity.behaviours(), Parity.Behaviour::provenance);
        row(out, "behaviours with a conformance check", parity.behaviours().stream().filter(b -> !b.checks().isEmpty()).toList(),
                Parity.Behaviour::provenance);
        row(out, "request field rules", parity.fieldRules(), FieldRules.Rule::provenance);
        row(out, "error codes", parity.errorCodes(), Parity.ErrorCode::provenance);
        row(out, "where the sources disagree (the contract's form)", parity.disagreements(), Parity.Disagreement::provenance);
        out.append('\n').append("Inferred and emulator behaviours with a conformance check: ")
                .append(guesses.stream().filter(b -> !b.checks().isEmpty()).count()).append(" of ").append(guesses.size())
                .append(".\n\n");
        out.append("| tag | operations | answers (d / i / e) | behaviours (d / i / e) | request field rules (d / i / e) |\n")
                .append("|---|---:|---|---|---|\n");
        for (String tag : parity.tags()) {
            List<Parity.Operation> ops = parity.operationsOf(tag);
            List<Parity.Behaviour> behaviours = ops.stream().flatMap(op -> op.behaviours().stream()).filter(b -> !b.crossCutting())
                    .toList();
            Map<String, FieldRules.Rule> rules = new LinkedHashMap<>();
            ops.forEach(op -> op.fieldRules().forEach(rule -> rules.putIfAbsent(rule.id(), rule)));
            out.append("| ").append(tag).append(" | ").append(ops.size())
                    .append(" | ").append(triple(ops, op -> op.aspects().get("answer")))
                    .append(" | ").append(triple(behaviours, Parity.Behaviour::provenance))
                    .append(" | ").append(triple(List.copyOf(rules.values()), FieldRules.Rule::provenance)).append(" |\n");
        }
        List<Parity.Behaviour> crossCutting = parity.behaviours().stream().filter(Parity.Behaviour::crossCutting).toList();
        out.append("| cross-cutting | | | ").append(triple(crossCutting, Parity.Behaviour::provenance)).append(" | |\n");
        return out.toString();
    }

    private static <T> void row(StringBuilder out, String what, List<T> items, Function<T, Provenance> provenance) {
        Map<Provenance.Kind, Long> counts = Parity.count(items, provenance);
        out.append("| ").append(what).append(" | ")
                .append(counts.values().stream().map(String::valueOf).collect(Collectors.joining(" | ")))
                .append(" | ").append(items.size()).append(" |\n");
    }

    private static <T> String triple(List<T> items, Function<T, Provenance> provenance) {
        return Parity.count(items, provenance).values().stream().map(String::valueOf).collect(Collectors.joining(" / "));
    }
}
