package dev.modelslabtwin.emulator.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The raw query string must be percent-encoded UTF-8: the server would otherwise drop a parameter it
 * cannot decode ({@code ?limit=%ZZ} read as no limit at all) or turn bad bytes into replacement
 * characters, and answer as if the client had sent something else. (Characters the server already
 * received as text, beyond ASCII, are taken as they are.)
 */
final class QueryString {

    private QueryString() {
    }

    static void requireDecodable(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        if (!decodable(query)) {
            throw ApiProblem.validation(Map.of("query", List.of("The query string is not valid percent-encoded UTF-8.")));
        }
    }

    private static boolean decodable(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
