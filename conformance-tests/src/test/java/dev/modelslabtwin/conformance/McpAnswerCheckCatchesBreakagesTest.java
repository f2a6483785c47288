package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.McpAgent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check McpConformanceTest puts every tool answer through fails on the breakages an MCP server could ship. */
class McpAnswerCheckCatchesBreakagesTest {

    private static final String META = "\"meta\": {\"request_id\": \"4f1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\"}";

    @Test
    void aBalanceAsTheContractSaysPasses() {
        assertEquals(java.util.List.of(), problems(false, "{\"data\": {\"balance\": 50.00, \"currency\": \"USD\"}, \"error\": null, " + META + "}"));
    }

    @Test
    void aBalanceWithoutItsAmountIsCaught() {
        assertFalse(problems(false, "{\"data\": {\"currency\": \"USD\"}, \"error\": null, " + META + "}").isEmpty());
    }

    @Test
    void aRefusalWithACodeTheOperationDoesNotDocumentIsCaught() {
        String refusal = "{\"data\": null, \"error\": {\"code\": \"card_declined\", \"message\": \"Declined.\", \"details\": {}}, " + META + "}";

        assertTrue(problems(true, refusal).toString().contains("card_declined"), problems(true, refusal).toString());
    }

    @Test
    void aRefusalTheOperationDocumentsPasses() {
        assertEquals(java.util.List.of(), problems(true,
                "{\"data\": null, \"error\": {\"code\": \"unauthenticated\", \"message\": \"Unauthenticated.\", \"details\": {}}, " + META + "}"));
    }

    @Test
    void anAnswerThatIsNoEnvelopeIsCaught() {
        assertFalse(problems(false, "\"50.00\"").isEmpty());
    }

    private static java.util.List<String> problems(boolean isError, String text) {
        return McpAgent.problems("getWalletBalance", new McpAgent.ToolAnswer("agent-wallet", "balance", isError, Json.parse(text)));
    }
}
