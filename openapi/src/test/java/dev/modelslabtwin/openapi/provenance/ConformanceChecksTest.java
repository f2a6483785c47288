package dev.modelslabtwin.openapi.provenance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The index of which conformance check verifies which behaviour, read from the suite's sources. */
class ConformanceChecksTest {

    @TempDir
    Path sources;

    @Test
    void eachIdNamesTheMethodTheAnnotationMarksWhateverItReturnsAndWhateverAnnotationsSurroundIt() throws IOException {
        write("a/WalletTest.java", """
                class WalletTest {
                    @Test
                    @Verifies("fundWallet.decline-402")
                    void aDeclinedCardIsA402() {
                    }

                    @Verifies({"idempotency.replay",
                            "idempotency.replay-marked"})
                    @ParameterizedTest(name = "{0}")
                    @EnumSource(Kind.class)
                    public void replays(Kind kind) {
                    }

                    @TestFactory
                    @Verifies("validation.fields-named")
                    Stream<DynamicContainer> everyOperationRefuses() {
                        return Stream.empty();
                    }
                }
                """);
        write("b/OtherTest.java", "class OtherTest {\n    @Verifies(\"fundWallet.decline-402\") void another() {}\n}\n");

        ConformanceChecks checks = ConformanceChecks.scan(sources);

        assertEquals(Map.of(
                "fundWallet.decline-402", List.of("OtherTest.another", "WalletTest.aDeclinedCardIsA402"),
                "idempotency.replay", List.of("WalletTest.replays"),
                "idempotency.replay-marked", List.of("WalletTest.replays"),
                "validation.fields-named", List.of("WalletTest.everyOperationRefuses")), checks.all());
    }

    @Test
    void theIndexReadsBackAsItWasWritten() throws IOException {
        write("WalletTest.java", "class WalletTest {\n    @Verifies(\"fundWallet.decline-402\")\n    void declined() {}\n}\n");
        ConformanceChecks checks = ConformanceChecks.scan(sources);
        Path file = sources.resolve("out/checks.json");

        checks.write(file);

        try (var in = Files.newInputStream(file)) {
            assertEquals(checks.all(), ConformanceChecks.read(in).all());
        }
    }

    @Test
    void anAnnotationMarkingNoMethodIsRefused() throws IOException {
        write("Broken.java", "class Broken {\n    @Verifies(\"fundWallet.decline-402\")\n}\n");

        assertThrows(IllegalStateException.class, () -> ConformanceChecks.scan(sources));
    }

    private void write(String name, String text) throws IOException {
        Path file = sources.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
