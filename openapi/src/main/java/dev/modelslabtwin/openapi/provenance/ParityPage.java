package dev.modelslabtwin.openapi.provenance;

import dev.modelslabtwin.openapi.HtmlText;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.modelslabtwin.openapi.HtmlText.escape;

/**
 * The parity page ({@code /docs/parity} on the emulator): per tag and per operation, what is documented,
 * inferred or the emulator's own, and which conformance checks verify each behaviour. One self-contained
 * HTML page (inline CSS, no script), generated from {@link Parity} at build time.
 */
public final class ParityPage {

    public static final String RESOURCE = "docs/parity.html";

    private ParityPage() {
    }

    public static String html(Parity parity, String title) {
        StringBuilder page = new StringBuilder();
        page.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Parity: %s</title>
                <style>
                body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em 2em; color: #1d2330; }
                h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #d5d9e0; } h3 { margin-top: 1.6em; }
                table { border-collapse: collapse; margin: .5em 0 1em; width: 100%%; }
                th, td { border: 1px solid #d5d9e0; padding: .3em .5em; text-align: left; vertical-align: top; }
                th { background: #f3f5f8; } td.n { text-align: right; white-space: nowrap; }
                code { font-size: .92em; background: #f3f5f8; padding: 0 .2em; }
                .p { display: inline-block; border-radius: 3px; padding: 0 .4em; font-size: .85em; font-weight: 600; white-space: nowrap; }
                .documented { background: #d9f2df; color: #155724; } .inferred { background: #fff0c2; color: #6b4e00; }
                .emulator { background: #e3e8ff; color: #27307a; } .none { background: #f8d7da; color: #721c24; }
                .why { color: #4a5364; font-size: .92em; } nav a { margin-right: 1em; }
                </style>
                </head>
                <body>
                """.formatted(escape(title)));
        page.append("<h1>Parity: where each behaviour of the twin comes from</h1>\n");
        page.append("<p>Every operation, behaviour, request field rule and error code of the contract says where it comes from: ")
                .append(badge(Provenance.Kind.DOCUMENTED)).append(" a public source states it (the page is named), ")
                .append(badge(Provenance.Kind.INFERRED)).append(" no source states it and it is read from what they do say (the reasoning is given), ")
                .append(badge(Provenance.Kind.EMULATOR)).append(" the twin's own choice where the sources are silent, or a test aid. ")
                .append("Rely on the first; treat the others as this twin's best guess until a live run confirms them. ")
                .append("<em>Checks</em> are the conformance suite's tests that verify a behaviour (<code>@Verifies</code>); ")
                .append("run with credentials against the live API (<code>-Plive</code>), the suite writes ")
                .append("<code>target/provenance-report.md</code>, saying which guesses the live API confirmed or contradicted. ")
                .append("Generated from the contract (<a href=\"/openapi.yaml\">/openapi.yaml</a>, its <code>x-provenance</code> ")
                .append("extensions) at build time.</p>\n");
        page.append("<nav>");
        parity.tags().forEach(tag -> page.append("<a href=\"#tag-").append(escape(tag)).append("\">").append(escape(tag)).append("</a>"));
        page.append("<a href=\"#cross-cutting\">Cross-cutting</a><a href=\"#errors\">Error codes</a>")
                .append("<a href=\"#disagreements\">Disagreements</a><a href=\"#sources\">Sources</a></nav>\n");

        summary(parity, page);
        for (String tag : parity.tags()) {
            tag(parity, tag, page);
        }
        crossCutting(parity, page);
        errorCodes(parity, page);
        disagreements(parity, page);
        sources(parity, page);
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private static void summary(Parity parity, StringBuilder page) {
        page.append("<h2 id=\"summary\">Summary</h2>\n<table><tr><th>tag</th><th>operations</th><th>answers</th>")
                .append("<th>behaviours</th><th>behaviours with a check</th><th>request field rules</th></tr>\n");
        for (String tag : parity.tags()) {
            List<Parity.Operation> ops = parity.operationsOf(tag);
            List<Parity.Behaviour> behaviours = ops.stream().flatMap(op -> ownBehaviours(op).stream()).toList();
            List<FieldRules.Rule> rules = ops.stream().flatMap(op -> op.fieldRules().stream())
                    .collect(Collectors.toMap(FieldRules.Rule::id, r -> r, (a, b) -> a, java.util.LinkedHashMap::new))
                    .values().stream().toList();
            page.append("<tr><td><a href=\"#tag-").append(escape(tag)).append("\">").append(escape(tag)).append("</a></td>")
                    .append(countCell(ops, Parity.Operation::provenance))
                    .append(countCell(ops, op -> op.aspects().get("answer")))
                    .append(countCell(behaviours, Parity.Behaviour::provenance))
                    .append("<td class=\"n\">").append(checked(behaviours)).append("</td>")
                    .append(countCell(rules, FieldRules.Rule::provenance)).append("</tr>\n");
        }
        List<Parity.Behaviour> crossCutting = parity.behaviours().stream().filter(Parity.Behaviour::crossCutting).toList();
        page.append("<tr><td><a href=\"#cross-cutting\">cross-cutting</a></td><td></td><td></td>")
                .append(countCell(crossCutting, Parity.Behaviour::provenance))
                .append("<td class=\"n\">").append(checked(crossCutting)).append("</td><td></td></tr>\n");
        page.append("<tr><th>all</th>").append(countCell(parity.operations(), Parity.Operation::provenance))
                .append(countCell(parity.operations(), op -> op.aspects().get("answer")))
                .append(countCell(parity.behaviours(), Parity.Behaviour::provenance))
                .append("<td class=\"n\">").append(checked(parity.behaviours())).append("</td>")
                .append(countCell(parity.fieldRules(), FieldRules.Rule::provenance)).append("</tr>\n</table>\n");
        page.append("<p>Error codes: ").append(counts(parity.errorCodes(), Parity.ErrorCode::provenance))
                .append(". Where the sources disagree, the contract's form: ")
                .append(counts(parity.disagreements(), Parity.Disagreement::provenance))
                .append(". Inferred and emulator behaviours with a conformance check: ")
                .append(parity.behaviours().stream().filter(b -> b.provenance().kind().isGuess() && !b.checks().isEmpty()).count())
                .append(" of ").append(parity.behaviours().stream().filter(b -> b.provenance().kind().isGuess()).count())
                .append(".</p>\n");
    }

    private static void tag(Parity parity, String tag, StringBuilder page) {
        List<Parity.Operation> ops = parity.operationsOf(tag);
        page.append("<h2 id=\"tag-").append(escape(tag)).append("\">").append(escape(tag)).append("</h2>\n")
                .append("<table><tr><th>operation</th><th>call</th><th>answer</th><th>scope</th><th>limiter</th>")
                .append("<th>its behaviours</th><th>checks</th></tr>\n");
        for (Parity.Operation op : ops) {
            page.append("<tr><td><a href=\"#op-").append(escape(op.id())).append("\"><code>").append(escape(op.method()))
                    .append(' ').append(escape(op.path())).append("</code></a><br>").append(escape(op.id())).append("</td>")
                    .append(aspectCell(op, "operation")).append(aspectCell(op, "answer")).append(aspectCell(op, "scope"))
                    .append(aspectCell(op, "limiter"))
                    .append("<td>").append(counts(ownBehaviours(op), Parity.Behaviour::provenance)).append("</td>")
                    .append("<td class=\"n\">").append(ownBehaviours(op).stream().mapToLong(b -> b.checks().size()).sum())
                    .append("</td></tr>\n");
        }
        page.append("</table>\n");
        for (Parity.Operation op : ops) {
            operation(parity, op, page);
        }
    }

    private static void operation(Parity parity, Parity.Operation op, StringBuilder page) {
        page.append("<h3 id=\"op-").append(escape(op.id())).append("\"><code>").append(escape(op.method())).append(' ')
                .append(escape(op.path())).append("</code> ").append(escape(op.id())).append("</h3>\n<p>")
                .append(escape(op.summary())).append("</p>\n<table><tr><th>aspect</th><th>provenance</th><th>source or reasoning</th></tr>\n");
        op.aspects().forEach((aspect, provenance) -> page.append("<tr><td>").append(escape(aspect)).append("</td><td>")
                .append(badge(provenance)).append("</td><td class=\"why\">").append(cite(parity, provenance)).append("</td></tr>\n"));
        page.append("</table>\n");
        List<Parity.Behaviour> own = ownBehaviours(op);
        if (!own.isEmpty()) {
            page.append("<table><tr><th>behaviour</th><th>provenance</th><th>source or reasoning</th><th>checks</th></tr>\n");
            for (Parity.Behaviour behaviour : own) {
                page.append("<tr><td><code>").append(escape(behaviour.id())).append("</code><br>").append(prose(behaviour.summary()))
                        .append("</td><td>").append(badge(behaviour.provenance())).append("</td><td class=\"why\">")
                        .append(cite(parity, behaviour.provenance())).append("</td><td>").append(checks(behaviour))
                        .append("</td></tr>\n");
            }
            page.append("</table>\n");
        }
        List<Parity.Behaviour> shared = op.behaviours().stream().filter(Parity.Behaviour::crossCutting).toList();
        if (!shared.isEmpty()) {
            page.append("<p>Cross-cutting behaviours: ").append(shared.stream()
                    .map(b -> "<a href=\"#behaviour-" + escape(b.id()) + "\"><code>" + escape(b.id()) + "</code></a> " + badge(b.provenance()))
                    .collect(Collectors.joining(", "))).append("</p>\n");
        }
        if (!op.fieldRules().isEmpty()) {
            page.append("<table><tr><th>request field</th><th>rule</th><th>provenance</th><th>source or reasoning</th></tr>\n");
            for (FieldRules.Rule rule : op.fieldRules()) {
                page.append("<tr><td><code>").append(escape(rule.where())).append("</code>")
                        .append(rule.schema() == null ? "" : " <span class=\"why\">(" + escape(rule.schema()) + ")</span>")
                        .append("</td><td><code>").append(escape(rule.keyword())).append(' ').append(escape(abbreviate(rule.value())))
                        .append("</code></td><td>").append(badge(rule.provenance())).append("</td><td class=\"why\">")
                        .append(cite(parity, rule.provenance())).append("</td></tr>\n");
            }
            page.append("</table>\n");
        }
        if (!op.errorCodes().isEmpty()) {
            page.append("<p>Error codes: ").append(op.errorCodes().stream()
                    .map(code -> "<a href=\"#error-" + escape(code.code()) + "\"><code>" + escape(code.code()) + "</code></a> "
                            + badge(code.provenance()))
                    .collect(Collectors.joining(", "))).append("</p>\n");
        }
    }

    /** The behaviours of this operation alone; the cross-cutting ones have their own section. */
    private static List<Parity.Behaviour> ownBehaviours(Parity.Operation op) {
        return op.behaviours().stream().filter(b -> !b.crossCutting()).toList();
    }

    private static void crossCutting(Parity parity, StringBuilder page) {
        page.append("<h2 id=\"cross-cutting\">Cross-cutting behaviours</h2>\n")
                .append("<table><tr><th>behaviour</th><th>operations</th><th>provenance</th><th>source or reasoning</th><th>checks</th></tr>\n");
        for (Parity.Behaviour behaviour : parity.behaviours()) {
            if (behaviour.crossCutting()) {
                page.append("<tr id=\"behaviour-").append(escape(behaviour.id())).append("\"><td><code>").append(escape(behaviour.id())).append("</code><br>").append(prose(behaviour.summary()))
                        .append("</td><td>").append(behaviour.operations().size() == parity.operations().size() ? "all"
                                : behaviour.operations().stream().map(HtmlText::escape).collect(Collectors.joining(", ")))
                        .append("</td><td>").append(badge(behaviour.provenance())).append("</td><td class=\"why\">")
                        .append(cite(parity, behaviour.provenance())).append("</td><td>").append(checks(behaviour)).append("</td></tr>\n");
            }
        }
        page.append("</table>\n<table><tr><th>extension</th><th>provenance</th><th>source or reasoning</th></tr>\n");
        for (Parity.Entry entry : parity.extensions()) {
            page.append("<tr><td>").append(escape(entry.what())).append("</td><td>").append(badge(entry.provenance()))
                    .append("</td><td class=\"why\">").append(cite(parity, entry.provenance())).append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static void errorCodes(Parity parity, StringBuilder page) {
        page.append("<h2 id=\"errors\">Error codes</h2>\n<table><tr><th>HTTP</th><th><code>error.code</code></th><th>when</th>")
                .append("<th>provenance</th><th>source or reasoning</th><th>operations</th></tr>\n");
        for (Parity.ErrorCode code : parity.errorCodes()) {
            page.append("<tr id=\"error-").append(escape(code.code())).append("\"><td>").append(String.join(", ", code.statuses()))
                    .append("</td><td><code>").append(escape(code.code())).append("</code></td><td>").append(prose(code.when()))
                    .append("</td><td>").append(badge(code.provenance())).append("</td><td class=\"why\">")
                    .append(cite(parity, code.provenance())).append("</td><td class=\"n\">")
                    .append(code.operations().size() == parity.operations().size() ? "all" : String.valueOf(code.operations().size()))
                    .append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static void disagreements(Parity parity, StringBuilder page) {
        page.append("<h2 id=\"disagreements\">Where the sources disagree</h2>\n<table><tr><th>#</th><th>disagreement and the contract's form</th>")
                .append("<th>provenance</th><th>source or reasoning</th></tr>\n");
        for (Parity.Disagreement entry : parity.disagreements()) {
            page.append("<tr><td class=\"n\">").append(entry.number()).append("</td><td><strong>").append(escape(entry.title()))
                    .append("</strong>: ").append(prose(entry.text())).append("</td><td>").append(badge(entry.provenance()))
                    .append("</td><td class=\"why\">").append(cite(parity, entry.provenance())).append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static void sources(Parity parity, StringBuilder page) {
        page.append("<h2 id=\"sources\">Sources</h2>\n<table><tr><th>cited as</th><th>source</th></tr>\n");
        for (Parity.Source source : parity.sources()) {
            page.append("<tr><td><code>").append(escape(source.key())).append("</code></td><td><a href=\"")
                    .append(escape(source.url())).append("\">").append(escape(source.title())).append("</a></td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static String cite(Parity parity, Provenance provenance) {
        if (provenance == null) {
            return "";
        }
        if (provenance.kind() == Provenance.Kind.DOCUMENTED) {
            for (Parity.Source source : parity.sources()) {
                if (provenance.text().startsWith(source.key() + " ")) {
                    return "<a href=\"" + escape(source.url()) + "\">" + escape(source.key()) + "</a>"
                            + escape(provenance.text().substring(source.key().length()));
                }
            }
        }
        return escape(provenance.text());
    }

    private static String checks(Parity.Behaviour behaviour) {
        if (behaviour.checks().isEmpty()) {
            return behaviour.provenance().kind().isGuess() ? "<span class=\"p none\">none</span>" : "—";
        }
        return behaviour.checks().stream().map(check -> "<code>" + escape(check) + "</code>").collect(Collectors.joining("<br>"));
    }

    private static String checked(List<Parity.Behaviour> behaviours) {
        return behaviours.stream().filter(b -> !b.checks().isEmpty()).count() + " of " + behaviours.size();
    }

    private static String aspectCell(Parity.Operation op, String aspect) {
        Provenance provenance = op.aspects().get(aspect);
        return "<td>" + (provenance == null ? "—" : badge(provenance)) + "</td>";
    }

    private static <T> String countCell(List<T> items, Function<T, Provenance> provenance) {
        return "<td>" + counts(items, provenance) + "</td>";
    }

    /** "3 documented, 1 inferred" as badges; "—" for nothing. */
    private static <T> String counts(List<T> items, Function<T, Provenance> provenance) {
        Map<Provenance.Kind, Long> counts = Parity.count(items, provenance);
        String text = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "<span class=\"p " + e.getKey().label() + "\">" + e.getValue() + " " + e.getKey().label() + "</span>")
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? "—" : text;
    }

    private static String badge(Provenance provenance) {
        return provenance == null ? "<span class=\"p none\">none</span>" : badge(provenance.kind());
    }

    private static String badge(Provenance.Kind kind) {
        return "<span class=\"p " + kind.label() + "\">" + kind.label() + "</span>";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }

    /** Escaped text whose `code spans` become {@code <code>} elements, as in the contract's Markdown. */
    static String prose(String text) {
        return escape(text).replaceAll("`([^`]+)`", "<code>$1</code>");
    }
}
