package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Envelopes;
import dev.modelslabtwin.emulator.stripe.Invoices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * An invoice's files, served outside the API and without a bearer token at signed, expiring URLs
 * (see {@link SignedLinks}): {@code /files/invoices/{id}.pdf} is the PDF document,
 * {@code /files/invoices/{id}} the hosted invoice page. {@code GET /billing/invoices/{id}/pdf} hands
 * the URLs out to the invoice's owner only, so the signature is the proof of access. Failures answer
 * in the API's error envelope, as everything else the emulator serves.
 */
public final class InvoiceFiles {

    static final String PREFIX = "/files/invoices/";
    private static final String PDF = ".pdf";

    private final Services services;
    private final SignedLinks links;

    InvoiceFiles(Services services) {
        this.services = services;
        this.links = new SignedLinks(services.database());
    }

    public static void install(JavalinConfig config, Services services) {
        InvoiceFiles files = new InvoiceFiles(services);
        config.routes.addHttpHandler(HandlerType.GET, PREFIX + "{file}", files::serve);
    }

    String pdfUrl(String root, String invoiceId, Instant now) {
        return links.link(root, PREFIX + invoiceId + PDF, now);
    }

    String pageUrl(String root, String invoiceId, Instant now) {
        return links.link(root, PREFIX + invoiceId, now);
    }

    private void serve(Context http) {
        String requestId = Envelopes.requestId(http);
        http.header("X-Request-Id", requestId);
        try {
            String file = http.path().substring(PREFIX.length());
            Instant now = services.clock().instant();
            links.check(PREFIX + file, http.queryParam("expires"), http.queryParam("signature"), now);
            boolean pdf = file.endsWith(PDF);
            String invoiceId = pdf ? file.substring(0, file.length() - PDF.length()) : file;
            InvoiceDocument document = services.database().transaction(db -> InvoiceDocument.load(db,
                    Invoices.find(db, invoiceId).orElseThrow(() -> new ApiProblem(404, "not_found",
                            "No such invoice: " + invoiceId + ".", Map.of("invoice_id", invoiceId)))));
            // A signed link is a capability: no shared cache may keep what it opened.
            http.header("Cache-Control", "private, no-store");
            if (pdf) {
                http.header("Content-Disposition", "inline; filename=\"" + document.invoice().number() + PDF + "\"");
                http.contentType("application/pdf").result(InvoicePdf.render(document, now));
            } else {
                http.contentType("text/html; charset=utf-8").result(InvoicePage.render(document,
                        links.link("", PREFIX + invoiceId + PDF, now)).getBytes(StandardCharsets.UTF_8));
            }
        } catch (ApiProblem problem) {
            Envelopes.writeError(http, requestId, problem.status(), problem.code(), problem.getMessage(), problem.details());
        }
    }
}
