package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.stripe.Invoices;

import java.time.Instant;
import java.util.List;

/** An invoice as a one-or-more-page A4 PDF: issuer, facts, bill-to, lines and totals. */
final class InvoicePdf {

    private static final float LEFT = 50;
    private static final float RIGHT = SimplePdf.PAGE_WIDTH - 50;
    private static final float TOP = SimplePdf.PAGE_HEIGHT - 62;
    private static final float BOTTOM = 90;
    private static final float QUANTITY_RIGHT = 370;
    private static final float UNIT_PRICE_RIGHT = 460;
    private static final float DESCRIPTION_WIDTH = 270;
    private static final float LINE = 16;

    private InvoicePdf() {
    }

    static byte[] render(InvoiceDocument document, Instant now) {
        SimplePdf pdf = new SimplePdf(document.title());
        float y = header(pdf, document);
        y = tableHeader(pdf, y);
        for (Invoices.Line line : document.lines()) {
            if (y < BOTTOM) {
                pdf.newPage();
                y = tableHeader(pdf, TOP);
            }
            pdf.text(SimplePdf.Font.REGULAR, 10, LEFT, y, fit(line.description()));
            pdf.textRightAligned(SimplePdf.Font.REGULAR, 10, QUANTITY_RIGHT, y, Integer.toString(line.quantity()));
            pdf.textRightAligned(SimplePdf.Font.REGULAR, 10, UNIT_PRICE_RIGHT, y, InvoiceDocument.money(line.amount()));
            pdf.textRightAligned(SimplePdf.Font.REGULAR, 10, RIGHT, y, InvoiceDocument.money(line.total()));
            y -= LINE;
        }
        if (y < BOTTOM + 3 * LINE) {
            pdf.newPage();
            y = TOP;
        }
        pdf.rule(LEFT, RIGHT, y + LINE - 5);
        total(pdf, SimplePdf.Font.REGULAR, y, "Subtotal", InvoiceDocument.money(document.subtotal()));
        total(pdf, SimplePdf.Font.REGULAR, y - LINE, "Total", InvoiceDocument.money(document.invoice().amount()));
        total(pdf, SimplePdf.Font.BOLD, y - 2 * LINE, "Amount paid", InvoiceDocument.money(document.amountPaid()) + " USD");
        pdf.text(SimplePdf.Font.REGULAR, 8, LEFT, 50, "Amounts in US dollars. Quote the invoice ID "
                + document.invoice().id() + " when you contact support.");
        return pdf.toBytes(now);
    }

    /** The title, issuer, facts, bill-to and headline; returns where the table starts. */
    private static float header(SimplePdf pdf, InvoiceDocument document) {
        pdf.text(SimplePdf.Font.BOLD, 24, LEFT, TOP, "Invoice");
        pdf.textRightAligned(SimplePdf.Font.BOLD, 14, RIGHT, TOP, InvoiceDocument.ISSUER);
        pdf.textRightAligned(SimplePdf.Font.REGULAR, 8, RIGHT, TOP - 14, InvoiceDocument.ISSUER_NOTE);
        float y = TOP - 44;
        for (String[] fact : document.facts()) {
            pdf.text(SimplePdf.Font.REGULAR, 10, LEFT, y, fact[0]);
            pdf.text(SimplePdf.Font.REGULAR, 10, LEFT + 110, y, fact[1]);
            y -= 14;
        }
        y -= 12;
        pdf.text(SimplePdf.Font.BOLD, 11, LEFT, y, "Bill to");
        y -= 15;
        List<String> billTo = document.billTo();
        for (String line : billTo) {
            pdf.text(SimplePdf.Font.REGULAR, 10, LEFT, y, line);
            y -= 14;
        }
        y -= 18;
        pdf.text(SimplePdf.Font.BOLD, 16, LEFT, y, document.headline());
        return y - 34;
    }

    private static float tableHeader(SimplePdf pdf, float y) {
        pdf.text(SimplePdf.Font.BOLD, 9, LEFT, y, "Description");
        pdf.textRightAligned(SimplePdf.Font.BOLD, 9, QUANTITY_RIGHT, y, "Qty");
        pdf.textRightAligned(SimplePdf.Font.BOLD, 9, UNIT_PRICE_RIGHT, y, "Unit price");
        pdf.textRightAligned(SimplePdf.Font.BOLD, 9, RIGHT, y, "Amount");
        pdf.rule(LEFT, RIGHT, y - 6);
        return y - 22;
    }

    private static void total(SimplePdf pdf, SimplePdf.Font font, float y, String label, String amount) {
        pdf.textRightAligned(font, 10, UNIT_PRICE_RIGHT, y, label);
        pdf.textRightAligned(font, 10, RIGHT, y, amount);
    }

    /** Cuts a description that would run into the quantity column. */
    private static String fit(String text) {
        String fitted = text;
        while (SimplePdf.Font.REGULAR.width(fitted, 10) > DESCRIPTION_WIDTH && fitted.length() > 1) {
            fitted = fitted.substring(0, fitted.length() - 2) + "\u2026";
        }
        return fitted;
    }
}
