package dev.modelslabtwin.emulator.billing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small PDF 1.4 writer for text documents such as invoices: A4 pages of text in the two standard
 * Helvetica fonts (every PDF reader has them, so nothing is embedded), thin rules, and an exact
 * cross-reference table. A few kilobytes of code instead of a PDF library keeps the emulator jar lean
 * and its start fast. Text is encoded in WinAnsi (Latin-1 and a few more); other characters print as '?'.
 */
final class SimplePdf {

    static final float PAGE_WIDTH = 595;
    static final float PAGE_HEIGHT = 842;

    /** The standard fonts used; each resource name maps to a base font. */
    enum Font {
        REGULAR("F1", "Helvetica", HELVETICA_WIDTHS),
        BOLD("F2", "Helvetica-Bold", HELVETICA_BOLD_WIDTHS);

        private final String resource;
        private final String baseFont;
        private final int[] widths;

        Font(String resource, String baseFont, int[] widths) {
            this.resource = resource;
            this.baseFont = baseFont;
            this.widths = widths;
        }

        /** The width of {@code text} at {@code size} points, from Adobe's font metrics. */
        float width(String text, float size) {
            int units = 0;
            for (char c : text.toCharArray()) {
                units += c >= 32 && c <= 126 ? widths[c - 32] : 556;
            }
            return units * size / 1000f;
        }
    }

    /** Glyph widths of characters 32–126 in thousandths of the font size (Adobe's Helvetica AFM). */
    private static final int[] HELVETICA_WIDTHS = {
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
    private static final int[] HELVETICA_BOLD_WIDTHS = {
            278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
            975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
            333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
            611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");
    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String title;
    private final List<StringBuilder> pages = new ArrayList<>();

    SimplePdf(String title) {
        this.title = title;
        newPage();
    }

    /** Starts a new page; what follows is drawn on it. */
    void newPage() {
        pages.add(new StringBuilder());
    }

    /** {@code text} with its baseline starting at ({@code x}, {@code y}), in points from the bottom left. */
    void text(Font font, float size, float x, float y, String text) {
        page().append("BT /").append(font.resource).append(' ').append(number(size)).append(" Tf ")
                .append(number(x)).append(' ').append(number(y)).append(" Td ")
                .append(literal(text)).append(" Tj ET\n");
    }

    /** {@code text} ending at {@code right}: for columns of amounts. */
    void textRightAligned(Font font, float size, float right, float y, String text) {
        text(font, size, right - font.width(text, size), y, text);
    }

    /** A thin horizontal rule from {@code x1} to {@code x2}. */
    void rule(float x1, float x2, float y) {
        page().append("0.5 w ").append(number(x1)).append(' ').append(number(y)).append(" m ")
                .append(number(x2)).append(' ').append(number(y)).append(" l S\n");
    }

    /** The document: header, objects, cross-reference table with exact byte offsets, trailer. */
    byte[] toBytes(Instant created) {
        List<byte[]> objects = new ArrayList<>();
        int fontsStart = 3;
        int pagesStart = fontsStart + Font.values().length;
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            kids.append(pagesStart + 2 * i).append(" 0 R ");
        }
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.size() + " >>"));
        StringBuilder fontResources = new StringBuilder();
        for (Font font : Font.values()) {
            objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /" + font.baseFont + " /Encoding /WinAnsiEncoding >>"));
            fontResources.append('/').append(font.resource).append(' ').append(fontsStart + font.ordinal()).append(" 0 R ");
        }
        for (int i = 0; i < pages.size(); i++) {
            int contents = pagesStart + 2 * i + 1;
            objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(PAGE_WIDTH) + " " + number(PAGE_HEIGHT)
                    + "] /Resources << /Font << " + fontResources.toString().trim() + " >> >> /Contents " + contents + " 0 R >>"));
            byte[] stream = pages.get(i).toString().getBytes(WIN_ANSI);
            ByteArrayOutputStream streamObject = new ByteArrayOutputStream();
            streamObject.writeBytes(ascii("<< /Length " + stream.length + " >>\nstream\n"));
            streamObject.writeBytes(stream);
            streamObject.writeBytes(ascii("\nendstream"));
            objects.add(streamObject.toByteArray());
        }
        int info = objects.size() + 1;
        String date = PDF_DATE.format(created);
        objects.add(toWinAnsi("<< /Title " + literal(title) + " /Producer (ModelsLab twin emulator) /CreationDate ("
                + date + ") /ModDate (" + date + ") >>"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The second line's bytes above 127 tell transfer tools the file is binary, as the specification advises.
        out.writeBytes(ascii("%PDF-1.4\n"));
        out.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info ").append(info)
                .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    private StringBuilder page() {
        return pages.get(pages.size() - 1);
    }

    /** A PDF string literal: backslash, parentheses escaped; what WinAnsi cannot encode becomes '?'. */
    private static String literal(String text) {
        CharsetEncoder encoder = WIN_ANSI.newEncoder();
        StringBuilder literal = new StringBuilder("(");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')') {
                literal.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                literal.append(' ');
            } else {
                literal.append(encoder.canEncode(c) ? c : '?');
            }
        }
        return literal.append(')').toString();
    }

    private static String number(float value) {
        return value == Math.rint(value) ? Integer.toString((int) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] toWinAnsi(String text) {
        return text.getBytes(WIN_ANSI);
    }
}
