package dev.modelslabtwin.emulator.journal;

/**
 * Marks an API request that an MCP tool call made in-process (see {@code dev.modelslabtwin.emulator.mcp}):
 * which tool and action. Set as a request attribute by the in-process connector alone, so a client
 * calling the API over HTTP cannot make its requests look like MCP calls; requests without it came in
 * over REST.
 */
public record EntryPoint(String tool, String action) {

    /** The request attribute holding it. */
    public static final String ATTRIBUTE = EntryPoint.class.getName();
}
