package dev.modelslabtwin.emulator.mcp;

import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.EmulatorToken;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of an agent on the seeded default account: each test gets an MCP connection holding its token
 * ({@link #mcp}) and a contract-checked REST client holding the same token ({@link #rest}), to see
 * what the MCP calls did.
 */
@ModelsLabEmulator
abstract class DefaultAgentTest {

    protected AgentMcpClient mcp;
    protected TestHttp rest;
    protected String token;

    @BeforeEach
    void connect(@EmulatorBaseUrl String baseUrl, @EmulatorToken String token) {
        this.token = token;
        mcp = AgentMcpClient.withBearer(baseUrl, token);
        rest = new TestHttp(baseUrl, token).contractChecked();
    }

    @AfterEach
    void disconnect() {
        mcp.close();
    }
}
