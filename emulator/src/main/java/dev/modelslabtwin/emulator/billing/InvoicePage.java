package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.stripe.Invoices;

/** The hosted invoice page: the invoice as a small HTML page with a link to its PDF. */
final class InvoicePage {

    private InvoicePage() {
    }

    static String render(InvoiceDocument document, String pdfLink) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(document.title())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("table{width:100%;border-collapse:collapse}td,th{padding:.4rem;text-align:left}")
                .append(".n{text-align:right}thead th{border-bottom:1px solid #999}tfoot td{border-top:1px solid #999}")
                .append(".note{color:#666;font-size:.85rem}</style></head><body>\n")
                .append("<p class=\"note\">").append(InvoiceDocument.ISSUER).append(" &middot; ")
                .append(escape(InvoiceDocument.ISSUER_NOTE)).append("</p>\n")
                .append("<h1>").append(escape(document.headline())).append("</h1>\n<table>");
        for (String[] fact : document.facts()) {
            html.append("<tr><th>").append(escape(fact[0])).append("</th><td>").append(escape(fact[1])).append("</td></tr>");
        }
        html.append("</table>\n<h2>Bill to</h2>\n<p>");
        html.append(String.join("<br>", document.billTo().stream().map(InvoicePage::escape).toList()));
        html.append("</p>\n<table><thead><tr><th>Description</th><th class=\"n\">Qty</th><th class=\"n\">Unit price</th>")
                .append("<th class=\"n\">Amount</th></tr></thead><tbody>");
        for (Invoices.Line line : document.lines()) {
            html.append("<tr><td>").append(escape(line.description())).append("</td><td class=\"n\">").append(line.quantity())
                    .append("</td><td class=\"n\">").append(InvoiceDocument.money(line.amount())).append("</td><td class=\"n\">")
                    .append(InvoiceDocument.money(line.total())).append("</td></tr>");
        }
        html.append("</tbody><tfoot><tr><td colspan=\"3\" class=\"n\">Total</td><td class=\"n\">")
                .append(InvoiceDocument.money(document.invoice().amount())).append("</td></tr>")
                .append("<tr><td colspan=\"3\" class=\"n\"><b>Amount paid</b></td><td class=\"n\"><b>")
                .append(InvoiceDocument.money(document.amountPaid())).append(" USD</b></td></tr></tfoot></table>\n")
                .append("<p><a href=\"").append(escape(pdfLink)).append("\">Download the invoice (PDF)</a></p>\n")
                .append("</body></html>\n");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
