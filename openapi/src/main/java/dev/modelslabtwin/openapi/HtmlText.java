package dev.modelslabtwin.openapi;

/** Text put into the pages the build writes (the docs page, the parity page). */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} escaped for an element's content or a double-quoted attribute; null as empty. */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
