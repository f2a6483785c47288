package dev.modelslabtwin.emulator.routing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredAnswersTest {

    private static final String TOP_UP = "{\"result\":{\"data\":{\"message\":\"Wallet funded successfully.\",\"amount\":10.00,"
            + "\"balance\":60770.00,\"currency\":\"USD\",\"payment\":{\"status\":\"succeeded\",\"payment_intent_id\":"
            + "\"pi_Fh8y5ExUBDnRJeUTTCA3CIOL\",\"amount\":10.00,\"currency\":\"usd\",\"payment_method_id\":"
            + "\"pm_dwOEKudod81QIWG8FsRie4py\"}}}}";

    @Test
    void anAnswerUnpacksToExactlyTheTextPacked() {
        assertEquals(TOP_UP, StoredAnswers.unpack(StoredAnswers.pack(TOP_UP)));
    }

    @Test
    void aTopUpsAnswerIsKeptInAQuarterOfItsText() {
        byte[] packed = StoredAnswers.pack(TOP_UP);

        assertEquals(StoredAnswers.DEFLATED, packed[0]);
        assertTrue(packed.length * 4 <= TOP_UP.length(), packed.length + " bytes for " + TOP_UP.length() + " characters");
    }

    @Test
    void textBeyondAsciiAndWordsNotInTheDictionaryComeBackUnchanged() {
        String answer = "{\"error\":{\"code\":\"validation_error\",\"message\":\"Le montant doit être ≥ 1 € — 金额\","
                + "\"details\":{\"emoji\":\"\uD83D\uDCB8\",\"escaped\":\"\\\"quoted\\\"\\n\"},\"headers\":{}}}";

        assertEquals(answer, StoredAnswers.unpack(StoredAnswers.pack(answer)));
    }

    @Test
    void aLargeAnswerComesBackWhole() {
        StringBuilder page = new StringBuilder("{\"result\":{\"data\":[");
        for (int i = 0; i < 2_000; i++) {
            page.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"amount\":\"").append(i * 7 % 1000)
                    .append(".25\",\"description\":\"Wallet funding by card\"}");
        }
        String answer = page.append("]}}").toString();

        assertEquals(answer, StoredAnswers.unpack(StoredAnswers.pack(answer)));
    }

    @Test
    void anAnswerStoredBeforePackingIsReadAsItWasStored() {
        byte[] text = "{\"result\":{\"ok\":true}}".getBytes(StandardCharsets.UTF_8);
        byte[] plain = new byte[text.length + 1];
        plain[0] = StoredAnswers.PLAIN;
        System.arraycopy(text, 0, plain, 1, text.length);

        assertEquals("{\"result\":{\"ok\":true}}", StoredAnswers.unpack(plain));
    }

    @Test
    void anUnknownFormatIsRefusedRatherThanMisread() {
        assertThrows(IllegalStateException.class, () -> StoredAnswers.unpack(new byte[] {7, 1, 2}));
    }

    @Test
    void theDictionaryIsTheOneDeflatedAnswersWerePackedWith() {
        // Answers packed in format 1 can be read only with this dictionary: a changed one needs a new format.
        assertEquals(3972255022L, crc32(StoredAnswers.DICTIONARY));
    }

    private static long crc32(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
