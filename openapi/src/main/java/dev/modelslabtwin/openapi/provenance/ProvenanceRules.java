package dev.modelslabtwin.openapi.provenance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The provenance rules of the contract (see openapi/README.md, "Provenance"): every operation, field
 * rule, error code, behaviour, source disagreement and extension says where it comes from — documented
 * (naming a source of {@code x-provenance-sources} and its page), inferred (with the reasoning) or the
 * emulator's own choice (with why). Checked on the bundled document as JSON, where the extensions are
 * plain members.
 */
public final class ProvenanceRules {

    /** The keys of an operation's {@code x-provenance} besides one per further extension. */
    static final List<String> OPERATION_KEYS = List.of("operation", "answer", "scope", "limiter");
    /** Operation extensions an operation-level key already covers. */
    static final Map<String, String> COVERED_EXTENSIONS = Map.of(
            "x-required-scope", "scope", "x-scope-gated", "scope", "x-rate-limiter", "limiter");
    static final Set<String> ROOT_EXTENSIONS = Set.of("x-provenance-sources", "x-rate-limiters", "x-error-catalogue",
            "x-behaviours", "x-disagreements");
    private static final Pattern BEHAVIOUR_ID = Pattern.compile("^[a-z][A-Za-z0-9]*(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$");
    private static final int SHORTEST_REASON = 20;

    private final JsonNode document;
    private final Set<String> sources = new HashSet<>();
    private final Set<String> operationIds = new LinkedHashSet<>();
    private final Set<String> behaviourIds = new HashSet<>();
    private final List<String> violations = new ArrayList<>();

    private ProvenanceRules(JsonNode document) {
        this.document = document;
    }

    /** Every violation of the provenance rules, empty when everything says where it comes from. */
    public static List<String> check(JsonNode document) {
        ProvenanceRules rules = new ProvenanceRules(document);
        rules.checkAll();
        return List.copyOf(new LinkedHashSet<>(rules.violations));
    }

    private void checkAll() {
        document.path("x-provenance-sources").fieldNames().forEachRemaining(sources::add);
        if (sources.isEmpty()) {
            violations.add("the root names no x-provenance-sources: documented provenance has nothing to cite");
        }
        JsonNode rootProvenance = document.path("x-provenance");
        document.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-") && !ROOT_EXTENSIONS.contains(name) && !name.equals("x-provenance")) {
                value("root extension " + name + " (its entry in the root's x-provenance)", rootProvenance.get(name));
            }
        });
        rootProvenance.fieldNames().forEachRemaining(name -> {
            if (!document.has(name)) {
                violations.add("the root's x-provenance names " + name + ", which the root does not have");
            }
        });
        Contracts.operations(document).forEach(op -> operationIds.add(op.id()));
        Contracts.operations(document).forEach(this::checkOperation);
        checkRootBehaviours();
        checkErrorCatalogue();
        checkNamedEntries("x-rate-limiters", document.path("x-rate-limiters"));
        checkDisagreements();
        violations.addAll(FieldRules.all(document).problems());
        checkEveryCitation(document, "");
    }

    private void checkOperation(Contracts.Op op) {
        String where = op.label();
        JsonNode declared = op.node().get("x-provenance");
        if (declared == null || !declared.isObject()) {
            violations.add(where + ": has no x-provenance (keys " + OPERATION_KEYS + ")");
            return;
        }
        Set<String> expected = new LinkedHashSet<>(List.of("operation", "answer", "limiter"));
        if (op.secured()) {
            expected.add("scope");
        }
        op.node().fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-") && !name.equals("x-provenance") && !name.equals("x-behaviours")) {
                expected.add(COVERED_EXTENSIONS.getOrDefault(name, name));
            }
        });
        for (String key : expected) {
            value(where + " x-provenance." + key, declared.get(key));
        }
        declared.fieldNames().forEachRemaining(key -> {
            if (!expected.contains(key)) {
                violations.add(where + ": x-provenance." + key + " covers nothing this operation has (expected " + expected + ")");
            }
        });
        op.node().path("x-behaviours").fields().forEachRemaining(behaviour -> {
            String id = behaviour.getKey();
            if (!id.startsWith(op.id() + ".")) {
                violations.add(where + ": behaviour " + id + " must be named " + op.id() + ".<what-it-does>");
            }
            checkBehaviour(id, behaviour.getValue());
        });
    }

    private void checkBehaviour(String id, JsonNode behaviour) {
        if (!BEHAVIOUR_ID.matcher(id).matches()) {
            violations.add("behaviour " + id + ": ids are dotted lower-case words (operationId.what-it-does or area.what-it-does)");
        }
        if (!behaviourIds.add(id)) {
            violations.add("behaviour " + id + " is defined twice");
        }
        if (!behaviour.path("summary").isTextual() || behaviour.path("summary").asText().isBlank()) {
            violations.add("behaviour " + id + ": has no summary");
        }
        value("behaviour " + id, behaviour.get("x-provenance"));
    }

    private void checkRootBehaviours() {
        document.path("x-behaviours").fields().forEachRemaining(entry -> {
            String id = entry.getKey();
            checkBehaviour(id, entry.getValue());
            JsonNode operations = entry.getValue().get("operations");
            if (operations == null) {
                violations.add("behaviour " + id + ": a behaviour at the root names its operations (a list of operationIds, "
                        + "or one of " + Contracts.SELECTORS + ")");
            } else if (operations.isTextual()) {
                if (!Contracts.SELECTORS.contains(operations.asText())) {
                    violations.add("behaviour " + id + ": operations " + operations.asText() + " is none of " + Contracts.SELECTORS);
                }
            } else {
                operations.forEach(name -> {
                    if (!operationIds.contains(name.asText())) {
                        violations.add("behaviour " + id + ": names operation " + name.asText() + ", which the contract does not have");
                    }
                });
                if (operations.isEmpty()) {
                    violations.add("behaviour " + id + ": names no operation");
                }
            }
        });
    }

    private void checkErrorCatalogue() {
        JsonNode catalogue = document.path("x-error-catalogue");
        if (!catalogue.isObject() || catalogue.isEmpty()) {
            violations.add("the root has no x-error-catalogue: every error code says where it comes from there");
            return;
        }
        Map<String, Set<String>> used = new HashMap<>();
        Contracts.operations(document).forEach(op -> op.node().path("responses").fields().forEachRemaining(response -> {
            JsonNode resolved = Contracts.resolve(document, response.getValue());
            resolved.path("x-error-codes").forEach(code -> {
                used.computeIfAbsent(code.asText(), c -> new HashSet<>()).add(response.getKey());
                JsonNode entry = catalogue.get(code.asText());
                if (entry == null) {
                    violations.add(op.label() + " " + response.getKey() + ": error code " + code.asText()
                            + " is not in the root's x-error-catalogue");
                } else if (!response.getKey().equals("default") && !Contracts.statuses(entry).contains(response.getKey())) {
                    violations.add(op.label() + " " + response.getKey() + ": error code " + code.asText()
                            + " is catalogued for " + Contracts.statuses(entry) + ", not " + response.getKey());
                }
            });
        }));
        catalogue.fields().forEachRemaining(entry -> {
            String where = "error code " + entry.getKey();
            if (!entry.getKey().matches("^[a-z][a-z0-9_]*$")) {
                violations.add(where + ": codes are snake_case");
            }
            if (Contracts.statuses(entry.getValue()).isEmpty()) {
                violations.add(where + ": has no status");
            }
            if (!entry.getValue().path("when").isTextual()) {
                violations.add(where + ": says not when it is answered (when)");
            }
            value(where, entry.getValue().get("x-provenance"));
            if (!used.containsKey(entry.getKey())) {
                violations.add(where + ": no response answers it (x-error-codes); drop it from the catalogue");
            }
        });
    }

    private void checkDisagreements() {
        JsonNode list = document.path("x-disagreements");
        if (!list.isArray() || list.isEmpty()) {
            violations.add("the root has no x-disagreements: the list of where the sources disagree, each with its provenance");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String where = "disagreement " + (i + 1);
            JsonNode entry = list.get(i);
            if (!entry.path("title").isTextual() || !entry.path("text").isTextual()) {
                violations.add(where + ": needs a title and a text (the sources, then the contract's form)");
            }
            value(where, entry.get("x-provenance"));
        }
    }

    private void checkNamedEntries(String extension, JsonNode entries) {
        entries.fields().forEachRemaining(entry -> value(extension + " " + entry.getKey(), entry.getValue().get("x-provenance")));
    }

    private void value(String where, JsonNode node) {
        if (node == null) {
            violations.add(where + ": has no provenance ({documented: <source page>} | {inferred: <why>} | {emulator: <why>})");
            return;
        }
        if (Provenance.of(node).isEmpty()) {
            violations.add(where + ": " + node + " is not {documented: <source page>} | {inferred: <why>} | {emulator: <why>}");
        }
    }

    /** Every provenance value anywhere: documented names a declared source, guesses give a reason. */
    private void checkEveryCitation(JsonNode node, String at) {
        if (node.isObject()) {
            Provenance.of(node).ifPresent(provenance -> checkCitation(at, provenance));
            node.fields().forEachRemaining(field -> checkEveryCitation(field.getValue(), at + "/" + field.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkEveryCitation(node.get(i), at + "/" + i);
            }
        }
    }

    private void checkCitation(String at, Provenance provenance) {
        String text = provenance.text();
        if (provenance.kind() == Provenance.Kind.DOCUMENTED) {
            String source = text.split("\\s+", 2)[0];
            if (!sources.contains(source) || text.split("\\s+", 2).length < 2) {
                violations.add(at + ": documented provenance starts with a source of x-provenance-sources " + sources
                        + " and names its page: " + text);
            } else if (source.equals("docs-v2") && !text.matches("docs-v2 [a-z-]+/[a-z0-9-]+\\.mdx\\b.*")) {
                violations.add(at + ": a docs-v2 citation names its page (docs-v2 agents-api/<page>.mdx ...): " + text);
            }
        } else if (text.length() < SHORTEST_REASON) {
            violations.add(at + ": " + provenance.kind().label() + " provenance gives its reason, not a word: " + text);
        }
    }
}
