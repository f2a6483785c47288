package dev.modelslabtwin.openapi.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.openapi.Contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contract's provenance, per operation (grouped by tag, in the spirit of LocalStack's per-operation
 * parity pages): what is documented, inferred or the emulator's own, for the operation itself, its
 * answer, scope and limiter, its behaviours (with the conformance checks that verify each), its request
 * field rules and its error codes; plus the cross-cutting catalogues. The parity page, the README's
 * summary and the conformance suite's provenance report are all read from here.
 */
public final class Parity {

    /** A source documented provenance may cite. */
    public record Source(String key, String title, String url) {
    }

    /** A behaviour beyond field rules, with the operations it concerns and the checks that verify it. */
    public record Behaviour(String id, String summary, Provenance provenance, List<String> operations, boolean crossCutting,
                            List<String> checks) {
    }

    /** An error code of the catalogue and the operations that may answer it. */
    public record ErrorCode(String code, List<String> statuses, String when, Provenance provenance, List<String> operations) {
    }

    /** One entry of "where the sources disagree". */
    public record Disagreement(int number, String title, String text, Provenance provenance) {
    }

    /** Something else of the contract with a provenance, e.g. a rate limiter. */
    public record Entry(String what, Provenance provenance) {
    }

    /** One operation's parity. */
    public record Operation(String tag, String method, String path, String id, String summary,
                            Map<String, Provenance> aspects, List<Behaviour> behaviours, List<FieldRules.Rule> fieldRules,
                            List<ErrorCode> errorCodes) {

        /** The operation's own provenance: the call itself, at its path, with its method. */
        public Provenance provenance() {
            return aspects.get("operation");
        }
    }

    private final List<Source> sources;
    private final List<String> tags;
    private final List<Operation> operations;
    private final List<Behaviour> behaviours;
    private final List<ErrorCode> errorCodes;
    private final List<Disagreement> disagreements;
    private final List<FieldRules.Rule> fieldRules;
    private final List<Entry> extensions;

    private Parity(List<Source> sources, List<String> tags, List<Operation> operations, List<Behaviour> behaviours,
                   List<ErrorCode> errorCodes, List<Disagreement> disagreements, List<FieldRules.Rule> fieldRules,
                   List<Entry> extensions) {
        this.sources = sources;
        this.tags = tags;
        this.operations = operations;
        this.behaviours = behaviours;
        this.errorCodes = errorCodes;
        this.disagreements = disagreements;
        this.fieldRules = fieldRules;
        this.extensions = extensions;
    }

    private static volatile Parity packaged;

    /** The parity of the contract packaged in this module's jar, with the packaged checks index. */
    public static Parity packaged() {
        Parity result = packaged;
        if (result == null) {
            try {
                packaged = result = of(new ObjectMapper().readTree(Contract.json()), ConformanceChecks.packaged());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /** Reads the provenance of a bundled document (that passes {@link ProvenanceRules}). */
    public static Parity of(JsonNode document, ConformanceChecks checks) {
        List<Source> sources = new ArrayList<>();
        document.path("x-provenance-sources").fields().forEachRemaining(source -> sources.add(new Source(source.getKey(),
                source.getValue().path("title").asText(), source.getValue().path("url").asText())));
        List<Contracts.Op> ops = Contracts.operations(document);

        List<Behaviour> behaviours = new ArrayList<>();
        Map<String, List<Behaviour>> behavioursByOperation = new LinkedHashMap<>();
        for (Contracts.Op op : ops) {
            op.node().path("x-behaviours").fields().forEachRemaining(entry -> {
                Behaviour behaviour = behaviour(entry.getKey(), entry.getValue(), List.of(op.id()), false, checks);
                behaviours.add(behaviour);
                behavioursByOperation.computeIfAbsent(op.id(), k -> new ArrayList<>()).add(behaviour);
            });
        }
        document.path("x-behaviours").fields().forEachRemaining(entry -> {
            JsonNode selection = entry.getValue().path("operations");
            List<String> selected = ops.stream().filter(op -> selection.isTextual() ? op.selectedBy(selection.asText())
                    : contains(selection, op.id())).map(Contracts.Op::id).toList();
            Behaviour behaviour = behaviour(entry.getKey(), entry.getValue(), selected, true, checks);
            behaviours.add(behaviour);
            selected.forEach(id -> behavioursByOperation.computeIfAbsent(id, k -> new ArrayList<>()).add(behaviour));
        });

        Map<String, Set<String>> codesByOperation = new LinkedHashMap<>();
        Map<String, Set<String>> operationsByCode = new LinkedHashMap<>();
        for (Contracts.Op op : ops) {
            op.node().path("responses").forEach(response -> Contracts.resolve(document, response).path("x-error-codes")
                    .forEach(code -> {
                        codesByOperation.computeIfAbsent(op.id(), k -> new LinkedHashSet<>()).add(code.asText());
                        operationsByCode.computeIfAbsent(code.asText(), k -> new LinkedHashSet<>()).add(op.id());
                    }));
        }
        List<ErrorCode> errorCodes = new ArrayList<>();
        document.path("x-error-catalogue").fields().forEachRemaining(entry -> errorCodes.add(new ErrorCode(entry.getKey(),
                Contracts.statuses(entry.getValue()), entry.getValue().path("when").asText(),
                provenance(entry.getValue()), List.copyOf(operationsByCode.getOrDefault(entry.getKey(), Set.of())))));
        Map<String, ErrorCode> codeIndex = errorCodes.stream().collect(Collectors.toMap(ErrorCode::code, Function.identity()));

        List<Operation> operations = new ArrayList<>();
        for (Contracts.Op op : ops) {
            Map<String, Provenance> aspects = new LinkedHashMap<>();
            op.node().path("x-provenance").fields().forEachRemaining(aspect ->
                    Provenance.of(aspect.getValue()).ifPresent(p -> aspects.put(aspect.getKey(), p)));
            operations.add(new Operation(op.tag(), op.method().toUpperCase(java.util.Locale.ROOT), op.path(), op.id(),
                    op.node().path("summary").asText(), aspects,
                    List.copyOf(behavioursByOperation.getOrDefault(op.id(), List.of())),
                    FieldRules.of(document, op.path(), op.method()),
                    codesByOperation.getOrDefault(op.id(), Set.of()).stream().map(codeIndex::get)
                            .filter(java.util.Objects::nonNull).toList()));
        }
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));

        List<Disagreement> disagreements = new ArrayList<>();
        JsonNode list = document.path("x-disagreements");
        for (int i = 0; i < list.size(); i++) {
            disagreements.add(new Disagreement(i + 1, list.get(i).path("title").asText(), list.get(i).path("text").asText(),
                    provenance(list.get(i))));
        }
        List<Entry> extensions = new ArrayList<>();
        document.path("x-rate-limiters").fields().forEachRemaining(limiter -> extensions.add(new Entry("rate limiter "
                + limiter.getKey() + " (" + limiter.getValue().path("requests-per-minute").asText() + "/min per "
                + limiter.getValue().path("keyed-by").asText() + ")", provenance(limiter.getValue()))));
        return new Parity(List.copyOf(sources), List.copyOf(tags), List.copyOf(operations), List.copyOf(behaviours),
                List.copyOf(errorCodes), List.copyOf(disagreements), FieldRules.all(document).rules(), List.copyOf(extensions));
    }

    private static Behaviour behaviour(String id, JsonNode node, List<String> operations, boolean crossCutting,
                                       ConformanceChecks checks) {
        return new Behaviour(id, node.path("summary").asText(), provenance(node), List.copyOf(operations), crossCutting,
                checks.of(id));
    }

    private static Provenance provenance(JsonNode owner) {
        return Provenance.of(owner.get("x-provenance")).orElse(null);
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    public List<Source> sources() {
        return sources;
    }

    public List<String> tags() {
        return tags;
    }

    public List<Operation> operations() {
        return operations;
    }

    public List<Operation> operationsOf(String tag) {
        return operations.stream().filter(op -> op.tag().equals(tag)).toList();
    }

    /** Every behaviour, those of operations first, then the cross-cutting ones. */
    public List<Behaviour> behaviours() {
        return behaviours;
    }

    public List<ErrorCode> errorCodes() {
        return errorCodes;
    }

    public List<Disagreement> disagreements() {
        return disagreements;
    }

    /** Every request field rule of the contract once. */
    public List<FieldRules.Rule> fieldRules() {
        return fieldRules;
    }

    public List<Entry> extensions() {
        return extensions;
    }

    /** How many of {@code items} have each provenance kind (every kind present, zero or not). */
    public static <T> Map<Provenance.Kind, Long> count(List<T> items, Function<T, Provenance> provenance) {
        Map<Provenance.Kind, Long> counts = new EnumMap<>(Provenance.Kind.class);
        for (Provenance.Kind kind : Provenance.Kind.values()) {
            counts.put(kind, 0L);
        }
        for (T item : items) {
            Provenance p = provenance.apply(item);
            if (p != null) {
                counts.merge(p.kind(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
