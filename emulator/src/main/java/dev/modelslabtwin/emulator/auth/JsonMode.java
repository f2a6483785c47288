package dev.modelslabtwin.emulator.auth;

import java.util.Locale;

/**
 * Whether a client wants JSON rather than a browser's redirect, decided as Laravel's
 * {@code Request::expectsJson()} decides it (the live API is a Laravel application): an
 * {@code XMLHttpRequest}, or an {@code Accept} header whose most preferred media type is JSON. A
 * browser's {@code text/html,...} and curl's {@code *}{@code /*} are not.
 */
final class JsonMode {

    private JsonMode() {
    }

    static boolean requested(String accept, String requestedWith) {
        if (requestedWith != null && requestedWith.trim().equalsIgnoreCase("XMLHttpRequest")) {
            return true;
        }
        String preferred = preferred(accept);
        return preferred != null && (preferred.contains("/json") || preferred.contains("+json"));
    }

    /** The media type of {@code accept} with the highest quality, the first of equals; null for none. */
    private static String preferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        String best = null;
        double bestQuality = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException malformed) {
                        quality = 0;
                    }
                }
            }
            if (!type.isEmpty() && quality > bestQuality) {
                best = type;
                bestQuality = quality;
            }
        }
        return best;
    }
}
