package dev.modelslabtwin.emulator.stripe.pages;

import io.javalin.http.Context;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The hosted pages' shared frame: one self-contained HTML document per page (inline CSS, no CDN, no
 * external font), marked as the emulator's so nobody mistakes it for Stripe's real page.
 */
final class Html {

    private static final String STYLE = """
            :root { color-scheme: light; --ink: #1a1f36; --muted: #5b6478; --accent: #4f46e5; --bad: #b42318; --ok: #067647; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
                   background: #f6f8fb; }
            main { max-width: 28rem; margin: 2.5rem auto; padding: 2rem; background: #fff; border-radius: 12px;
                   box-shadow: 0 1px 3px rgba(16, 24, 40, .12); }
            .banner { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; margin: 0 0 1rem; }
            h1 { font-size: 1.35rem; margin: 0 0 .5rem; }
            .amount { font-size: 2rem; font-weight: 700; margin: 0 0 1.25rem; }
            label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
            input { width: 100%; padding: .65rem .75rem; font: inherit; border: 1px solid #c5cad6; border-radius: 8px; }
            input:focus { outline: 3px solid rgba(79, 70, 229, .35); border-color: var(--accent); }
            .row { display: flex; gap: 1rem; } .row > div { flex: 1; }
            .hint { font-size: .85rem; color: var(--muted); margin: .3rem 0 0; }
            .actions { display: flex; gap: .75rem; margin-top: 1.5rem; align-items: center; flex-wrap: wrap; }
            button, .button { font: inherit; font-weight: 600; padding: .7rem 1.2rem; border-radius: 8px; border: 0;
                              cursor: pointer; text-decoration: none; display: inline-block; }
            .primary { background: var(--accent); color: #fff; }
            .secondary { background: #eef0f5; color: var(--ink); }
            .danger { background: var(--bad); color: #fff; }
            .alert { border-radius: 8px; padding: .75rem 1rem; margin: 0 0 1rem; background: #fef3f2; color: var(--bad);
                     border: 1px solid #fecdca; }
            .success { color: var(--ok); }
            code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            input.mono { font-size: .8rem; }
            footer { font-size: .8rem; color: var(--muted); margin-top: 2rem; }
            """;

    private Html() {
    }

    /** Answers with a whole page: {@code body} is trusted markup, the title is escaped. */
    static void page(Context http, int status, String title, String body) {
        http.status(status);
        http.contentType("text/html; charset=utf-8");
        http.header("Cache-Control", "no-store");
        http.header("X-Frame-Options", "DENY");
        http.header("Referrer-Policy", "no-referrer");
        http.result("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>{{title}}</title>
                <style>{{style}}</style>
                </head>
                <body>
                <main>
                <p class="banner">ModelsLab twin &middot; fake Stripe test mode</p>
                {{body}}
                <footer>Offline emulator page: no real card is ever charged. Test cards: <a href="/_emulator/test-cards">/_emulator/test-cards</a>.</footer>
                </main>
                </body>
                </html>
                """.replace("{{title}}", escape(title)).replace("{{style}}", STYLE).replace("{{body}}", body));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String usd(BigDecimal amount) {
        return "$" + String.format("%,.2f", amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** A 303 to {@code location}, so a browser follows a form POST with a GET. */
    static void seeOther(Context http, String location) {
        http.header("Location", location);
        http.status(303);
    }
}
