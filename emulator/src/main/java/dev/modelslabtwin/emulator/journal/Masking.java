package dev.modelslabtwin.emulator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.routing.CardNumbers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets and card data from whatever the emulator shows about requests (journal, log): bearer
 * tokens, passwords, verification codes, client secrets, card numbers and security codes. By field
 * name where there is one, and by shape everywhere else (a Sanctum token {@code <id>|<secret>}, a run
 * of 13 to 19 digits that passes the Luhn check), so a secret in an unexpected place is caught too.
 * A token keeps its id ({@code 7|****}) and a card its last four digits, enough to tell them apart.
 */
public final class Masking {

    static final String MASK = "****";

    private static final Set<String> SECRET_FIELDS = Set.of("password", "password_confirmation", "current_password",
            "new_password", "token", "access_token", "refresh_token", "plain_text_token", "verification_code", "secret",
            "client_secret", "api_key", "authorization");
    private static final Set<String> CARD_NUMBER_FIELDS = Set.of("number", "card_number", "cardnumber", "pan", "card[number]");
    private static final Set<String> CARD_CODE_FIELDS = Set.of("cvc", "cvv", "cvc2", "cvv2", "card[cvc]");
    private static final Pattern TOKEN = Pattern.compile("\\b(\\d{1,19})\\|[A-Za-z0-9_-]{16,80}");
    private static final Pattern DIGIT_RUN = CardNumbers.DIGIT_RUN;
    private static final Pattern VERIFICATION_LINK = Pattern.compile("/verify/[^/]+/?");
    private static final Pattern FIELD_IN_TEXT;

    static {
        StringBuilder names = new StringBuilder();
        for (String field : SECRET_FIELDS) {
            names.append(names.length() == 0 ? "" : "|").append(Pattern.quote(field));
        }
        for (String field : CARD_CODE_FIELDS) {
            names.append('|').append(Pattern.quote(field));
        }
        for (String field : CARD_NUMBER_FIELDS) {
            names.append('|').append(Pattern.quote(field));
        }
        // "password": "x", password=x, card[number]=x — in bodies that are not JSON (or not valid JSON).
        FIELD_IN_TEXT = Pattern.compile("(?i)(\"?(?:" + names + ")\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^&\\s,}\\]]*)");
    }

    private Masking() {
    }

    /** A masked copy of {@code node}; the original is left as it is. */
    public static JsonNode json(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode masked = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                masked.set(field.getKey(), value.isValueNode() && !value.isNull() && sensitive(field.getKey(), value.asText())
                        ? JsonNodeFactory.instance.textNode(maskValue(value.asText()))
                        : json(value));
            }
            return masked;
        }
        if (node.isArray()) {
            ArrayNode masked = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> masked.add(json(item)));
            return masked;
        }
        if (node.isTextual()) {
            String text = node.asText();
            String masked = text(text);
            return masked.equals(text) ? node : JsonNodeFactory.instance.textNode(masked);
        }
        if (node.isIntegralNumber() && CardNumbers.looksLikeOne(node.asText())) {
            return JsonNodeFactory.instance.textNode(maskCard(node.asText()));
        }
        return node;
    }

    /** {@code text} with tokens, card numbers and {@code secret-field: value} pairs masked. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(FIELD_IN_TEXT, text, m -> m.group(1) + (m.group(2).startsWith("\"") ? "\"" + MASK + "\"" : MASK));
        masked = replace(TOKEN, masked, m -> m.group(1) + "|" + MASK);
        return replace(DIGIT_RUN, masked, m -> CardNumbers.looksLikeOne(m.group()) ? maskCard(m.group()) : m.group());
    }

    /**
     * A path or query string as it may be shown: as it is, unless, once percent-decoded, it carries a
     * token or a card number ({@code /invoices/4242%204242%204242%204242}), which is then shown masked;
     * the verification link's code ({@code /verify/{token}}) is always masked.
     */
    public static String url(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        if (VERIFICATION_LINK.matcher(raw).matches()) {
            return "/verify/" + MASK;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException undecodable) {
            decoded = raw;
        }
        String masked = text(decoded);
        return masked.equals(decoded) ? text(raw) : masked;
    }

    /** An {@code Authorization} header as it may be shown: the scheme and the token's id only. */
    public static String authorization(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? "" : header.substring(0, space + 1);
        String credentials = space < 0 ? header : header.substring(space + 1).trim();
        return scheme + maskValue(credentials);
    }

    private static String maskValue(String value) {
        Matcher token = TOKEN.matcher(value);
        if (token.matches()) {
            return token.group(1) + "|" + MASK;
        }
        return CardNumbers.looksLikeOne(value) ? maskCard(value) : MASK;
    }

    /**
     * Secrets and security codes are masked whatever they hold; a "number" only when it is made of
     * digits (an invoice number such as {@code INV-0001} is not a card number).
     */
    private static boolean sensitive(String field, String value) {
        String name = field.toLowerCase(Locale.ROOT);
        if (SECRET_FIELDS.contains(name) || CARD_CODE_FIELDS.contains(name)) {
            return true;
        }
        return CARD_NUMBER_FIELDS.contains(name) && value.replaceAll("[ -]", "").matches("[0-9]{8,}");
    }

    private static String maskCard(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        return MASK + digits.substring(digits.length() - 4);
    }

    private interface Replacement {
        String of(Matcher match);
    }

    private static String replace(Pattern pattern, String text, Replacement replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.of(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
