package dev.modelslabtwin.emulator.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Where the verification link's browser mode lands (the emulator's own pages: the live site's are not
 * documented): one saying the address is verified, one saying the link did not work and what to do.
 */
public final class VerificationPages {

    private VerificationPages() {
    }

    public static void install(JavalinConfig config) {
        config.routes.addHttpHandler(HandlerType.GET, "/email/verified", http -> page(http, "Email address verified",
                "Your email address is verified. You can log in now: <code>POST /api/agents/v1/auth/login</code>."));
        config.routes.addHttpHandler(HandlerType.GET, "/email/verification-failed", http -> page(http,
                "This verification link does not work",
                "It was already used, replaced by a newer email, or never issued. If the address is not verified yet, "
                        + "ask for a new email: <code>POST /api/agents/v1/auth/resend-verification</code>."));
    }

    private static void page(Context http, String title, String text) {
        http.contentType("text/html; charset=utf-8");
        http.header("Cache-Control", "no-store");
        http.result("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>%s</title>
                <style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
                small{color:#5b6478}</style></head>
                <body><small>ModelsLab twin &middot; emulator page</small><h1>%s</h1><p>%s</p></body>
                </html>
                """.formatted(title, title, text));
    }
}
