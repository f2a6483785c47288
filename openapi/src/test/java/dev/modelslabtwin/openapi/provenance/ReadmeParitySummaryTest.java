package dev.modelslabtwin.openapi.provenance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's parity figures are the contract's, so they cannot go stale. */
class ReadmeParitySummaryTest {

    @Test
    void theReadmeSummarisesTheParityOfThisContract() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(ParitySummary.START);
        int end = readme.indexOf(ParitySummary.END);
        assertTrue(start >= 0 && end > start, "README.md must hold the parity summary between " + ParitySummary.START
                + " and " + ParitySummary.END);

        String summary = readme.substring(start + ParitySummary.START.length(), end).strip();

        assertEquals(ParitySummary.markdown(Parity.packaged()).strip(), summary,
                "README.md's parity summary is stale: put ParitySummary's output between the markers");
    }
}
