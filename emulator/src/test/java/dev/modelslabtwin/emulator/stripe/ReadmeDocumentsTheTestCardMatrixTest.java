package dev.modelslabtwin.emulator.stripe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's test-card table is the matrix itself: every number, PaymentMethod id and token with its
 * behaviour and the step where it fails, rendered from {@link TestCards} and {@link TestCardSteps}. When the
 * matrix changes, the expected table is written to {@code target/readme-test-cards.md} to paste between
 * the README's markers.
 */
class ReadmeDocumentsTheTestCardMatrixTest {

    private static final String BEGIN = "<!-- test-cards:begin (generated from TestCards; see ReadmeDocumentsTheTestCardMatrixTest) -->";
    private static final String END = "<!-- test-cards:end -->";

    @Test
    void theReadmeTableIsTheMatrix() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String expected = table();
        Files.writeString(Path.of("target", "readme-test-cards.md"), expected);

        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        String documented = begin < 0 || end < begin ? "" : readme.substring(begin + BEGIN.length(), end).strip();

        assertEquals(expected.strip(), documented, "README's test-card table is out of date: paste "
                + "emulator/target/readme-test-cards.md between the markers " + BEGIN + " and " + END);
    }

    static String table() {
        StringBuilder table = new StringBuilder();
        table.append("| number | PaymentMethod ids | tokens | brand, funding, country | attach | charge | 3D Secure | behaviour |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        for (TestCards.TestCard card : TestCards.all()) {
            TestCardSteps steps = TestCardSteps.of(card);
            table.append("| ").append(card.numberIsOwn() ? card.number() : "—")
                    .append(" | ").append(ids(card.paymentMethods()))
                    .append(" | ").append(ids(card.tokens()))
                    .append(" | ").append(card.brand()).append(' ').append(card.funding()).append(' ').append(card.country())
                    .append(" | ").append(steps.onAttach() == null ? (card.setupNeedsAuthentication() ? "ok after 3DS" : "ok")
                            : declined(steps.onAttach()))
                    .append(" | ").append(charge(steps))
                    .append(" | ").append(card.threeDSecure().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(" | ").append(card.behaviour()).append(card.unmodelled() == null ? "" : "; " + card.unmodelled())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String charge(TestCardSteps steps) {
        if (steps.chargeDecline() != null) {
            return declined(steps.chargeDecline());
        }
        if (steps.requiresAuthentication()) {
            return steps.declineAfterAuthentication() == null ? "3DS, then succeeds"
                    : "3DS, then " + declined(steps.declineAfterAuthentication());
        }
        return "succeeds";
    }

    private static String declined(TestCards.Decline decline) {
        return "**402** `" + decline.code() + "` / `" + decline.declineCode() + "`";
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? "—" : ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(" "));
    }
}
