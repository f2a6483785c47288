package dev.modelslabtwin.emulator.faults;

import java.util.regex.Pattern;

/**
 * Path patterns of faults (and journal filters): literal text, where {@code {name}} or {@code *} stands
 * for one path segment and {@code **} for anything, so the contract's templates
 * ({@code /payments/{id}/status}) work as patterns. A leading API base path is ignored.
 */
public final class PathPatterns {

    private PathPatterns() {
    }

    public static Pattern compile(String pattern, String basePath) {
        String relative = pattern.startsWith(basePath + "/") ? pattern.substring(basePath.length()) : pattern;
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < relative.length()) {
            char c = relative.charAt(i);
            if (relative.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '{' && relative.indexOf('}', i) > i) {
                regex.append("[^/]+");
                i = relative.indexOf('}', i) + 1;
            } else {
                int next = nextSpecial(relative, i);
                regex.append(Pattern.quote(relative.substring(i, next)));
                i = next;
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static int nextSpecial(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || (c == '{' && text.indexOf('}', i) > i)) {
                return i;
            }
        }
        return text.length();
    }
}
