package dev.modelslabtwin.emulator.stripe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's test-card table keeps up with the matrix: every row is there, with its outcome at attach. */
class ReadmeDocumentsTheTestCardMatrixTest {

    @Test
    void everyRowOfTheMatrixIsInTheReadmeTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (TestCards.TestCard card : TestCards.all()) {
            String row = readme.lines().filter(line -> line.startsWith("| " + card.number() + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("README lacks a row for " + card.number()));
            if (card.declineOnAttach() != null) {
                assertTrue(row.contains("`" + card.declineOnAttach().declineCode() + "`"), row);
            }
            if (card.declineAfterAuthentication() != null) {
                assertTrue(row.contains("**declined** `" + card.declineAfterAuthentication().declineCode() + "`"), row);
            }
        }
    }
}
