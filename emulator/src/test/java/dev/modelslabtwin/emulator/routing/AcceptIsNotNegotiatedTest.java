package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API answers JSON whatever Accept says, as the live one does; only the verification link reads it. */
class AcceptIsNotNegotiatedTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aCallAskingForHtmlIsAnsweredInJson() {
        TestHttp.Answer answer = emu.http().send("GET", "/wallet/balance", null, Map.of("Accept", "text/html",
                "Authorization", "Bearer " + emu.emulator().defaultToken()));

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
    }
}
