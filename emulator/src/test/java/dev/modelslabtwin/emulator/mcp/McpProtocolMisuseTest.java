package dev.modelslabtwin.emulator.mcp;

import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Misusing the protocol — an unknown tool or action, no action, an argument the action does not take — is
 * the protocol's own invalid-params error, not a tool error; what no REST request can carry is the API's
 * {@code validation_error}; neither reaches the API.
 */
class McpProtocolMisuseTest extends DefaultAgentTest {

    @Test
    void anUnknownToolIsInvalidParams() {
        assertInvalidParams(mcp.protocolError("agent-profile", Map.of("action", "get")), "");
    }

    @Test
    void aCallWithoutAnActionIsInvalidParams() {
        assertInvalidParams(mcp.protocolError("agent-wallet", Map.of("amount", 25)), "Missing required argument: action");
        assertInvalidParams(mcp.protocolError("agent-wallet", Map.of()), "Missing required argument: action");
        assertInvalidParams(mcp.protocolError("agent-wallet", Map.of("action", 7)), "Missing required argument: action");
    }

    @Test
    void anUnknownActionIsInvalidParams() {
        assertInvalidParams(mcp.protocolError("agent-wallet", Map.of("action", "transfer")), "Unknown action 'transfer'");
    }

    @Test
    void anActionOfAnotherToolIsUnknown() {
        assertInvalidParams(mcp.protocolError("agent-wallet", Map.of("action", "forgot-password", "email", "agent@example.com")),
                "Unknown action 'forgot-password'");
    }

    @Test
    void anArgumentTheActionDoesNotTakeIsInvalidParamsNamingIt() {
        McpError error = mcp.protocolError("agent-wallet", Map.of("action", "balance", "amount", 25));

        assertInvalidParams(error, "takes no argument amount (it takes none)");
        assertInvalidParams(mcp.protocolError("agent-wallet", Map.of("action", "fund", "amount", 25, "ammount", 30)),
                "takes no argument ammount (it takes amount, payment_method_id, idempotency_key)");
    }

    @Test
    void aNullForAnArgumentTheActionDoesNotTakeIsNoArgument() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("action", "balance");
        arguments.put("amount", null);

        mcp.call("agent-wallet", arguments).ok();
    }

    @Test
    void aMissingIdIsTheApisValidationErrorUnderTheHostedName(Emulator emulator) {
        long before = emulator.journal().find(everything()).recorded();

        AgentMcpClient.Reply refused = mcp.call("agent-subscriptions", "pause").refused("validation_error");

        assertEquals(List.of("The subscription id field is required."),
                List.of(refused.details().path("subscription_id").path(0).asText()));
        assertEquals(before, emulator.journal().find(everything()).recorded(), "no REST request was made");
    }

    @Test
    void anIdThatIsNoScalarCannotBeSentAndIsRefused() {
        AgentMcpClient.Reply refused = mcp.call("agent-subscriptions", "pause", "subscription_id", List.of(1, 2))
                .refused("validation_error");

        assertTrue(refused.details().has("subscription_id"));
    }

    @Test
    void anIdempotencyKeyAHeaderCannotCarryIsRefused() {
        AgentMcpClient.Reply refused = mcp.call("agent-wallet", "fund", "amount", 25, "idempotency_key", "key\r\nX-Injected: 1")
                .refused("validation_error");

        assertEquals("The idempotency key must be a string of printable characters.",
                refused.details().path("idempotency_key").path(0).asText());
        mcp.call("agent-wallet", "fund", "amount", 25, "idempotency_key", 42).refused("validation_error");
    }

    @Test
    void aPathArgumentIsSentEncodedAndTheApiJudgesIt() {
        mcp.call("agent-billing", "invoice-detail", "invoice_id", "in_x/../../wallet/balance").refused("bad_request");
        mcp.call("agent-subscriptions", "status", "subscription_id", "abc").refused("validation_error");
    }

    private static void assertInvalidParams(McpError error, String message) {
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, error.getJsonRpcError().code(), error.getMessage());
        assertTrue(error.getJsonRpcError().message().contains(message), error.getJsonRpcError().message());
    }

    private static RequestJournal.Filter everything() {
        return new RequestJournal.Filter(null, null, null, null, null, null, null, 1);
    }
}
