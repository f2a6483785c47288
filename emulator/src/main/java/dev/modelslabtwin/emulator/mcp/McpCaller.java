package dev.modelslabtwin.emulator.mcp;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling the MCP server, as the REST request an action becomes must say it: the credentials
 * ({@code Authorization: Bearer}, or the hosted server's {@code X-Agent-Token} turned into one), the
 * address the rate limiter counts the call against, the host and scheme URLs handed back are built on,
 * and the user agent the journal records.
 *
 * @param authorization the {@code Authorization} header to send, or null (public actions only)
 * @param address       the client's IP address
 * @param host          the {@code Host} the client reached the emulator on, e.g. {@code 127.0.0.1:8080}
 * @param scheme        {@code http} or {@code https}
 * @param userAgent     the client's user agent, or null
 */
public record McpCaller(String authorization, String address, String host, String scheme, String userAgent) {

    /** The header the hosted server also reads the token from. */
    public static final String AGENT_TOKEN_HEADER = "X-Agent-Token";

    /**
     * The caller of one MCP HTTP request. {@code Authorization} wins when both headers are sent: the
     * hosted server's documentation recommends it and names {@code X-Agent-Token} as the alternative.
     */
    static McpCaller of(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            String token = request.getHeader(AGENT_TOKEN_HEADER);
            authorization = token == null || token.isBlank() ? null : "Bearer " + token.trim();
        }
        return new McpCaller(authorization, request.getRemoteAddr(), request.getHeader("Host"), request.getScheme(),
                request.getHeader("User-Agent"));
    }

    /**
     * The caller of the stdio server: the process that launched it, on this machine, holding
     * {@code token} (null: none); URLs handed back point at the emulator's own HTTP port.
     */
    public static McpCaller local(String token, String baseUrl) {
        java.net.URI root = java.net.URI.create(baseUrl);
        return new McpCaller(token == null || token.isBlank() ? null : "Bearer " + token.trim(), "127.0.0.1",
                root.getRawAuthority(), root.getScheme(), "mcp-stdio");
    }
}
