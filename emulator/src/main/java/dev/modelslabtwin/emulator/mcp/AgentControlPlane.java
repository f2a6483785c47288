package dev.modelslabtwin.emulator.mcp;

import dev.modelslabtwin.emulator.core.Lazily;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Envelopes;
import io.javalin.config.JavalinConfig;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The twin of the hosted Agent Control Plane MCP server ({@code https://modelslab.com/mcp/agents}): the
 * five tools of {@link ToolCatalogue}, served over Streamable HTTP at {@value #PATH} on the emulator's
 * port and over stdio, with the official MCP Java SDK. A tool call is answered by the REST request it
 * stands for, sent through the emulator's own HTTP pipeline in-process ({@link InProcessApi}); this
 * class holds no business logic.
 */
public final class AgentControlPlane {

    /** Where the endpoint is served, as the hosted one is. */
    public static final String PATH = "/mcp/agents";
    /** The hosted server's name and version (docs-v2 {@code mcp-web-api/agent-control-plane.mdx}). */
    public static final String SERVER_NAME = "modelslab-agent-control-plane";
    /** The documented name of the local stdio server. */
    public static final String STDIO_SERVER_NAME = "agent-control-plane";
    public static final String SERVER_VERSION = "1.0.0";

    private static final Logger LOG = LoggerFactory.getLogger(AgentControlPlane.class);
    private static final String CALLER = McpCaller.class.getName();
    private static final McpJsonMapper JSON = McpJson.MAPPER;
    private static final List<String> LOCAL_ORIGINS = List.of("http://localhost:*", "https://localhost:*",
            "http://127.0.0.1:*", "https://127.0.0.1:*", "http://[::1]:*", "https://[::1]:*");

    private final Supplier<ToolCatalogue> catalogue;
    private final InProcessApi api = new InProcessApi();

    /** The tools are read from the contract when first asked for: a start that serves no MCP call skips them. */
    public AgentControlPlane(Supplier<ToolCatalogue> catalogue) {
        this.catalogue = Lazily.of(catalogue);
    }

    public ToolCatalogue catalogue() {
        return catalogue.get();
    }

    /**
     * Serves the endpoint on the emulator's server: the SDK's Streamable HTTP servlet at {@value #PATH},
     * and, once the server has started, the in-process connector tool calls are sent through. The SDK's
     * server is built at the endpoint's first request: a fifth of a start's CPU went to it and the
     * tools, which most runs never call.
     */
    public void install(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(context -> {
            ServletHolder holder = new ServletHolder("mcp-agents", new McpRequestGuard(this::streamableHttpServer));
            holder.setAsyncSupported(true);
            context.addServlet(holder, PATH);
        });
        // Added once Javalin has made its own connector: a connector added before would replace it.
        config.jetty.modifyServer(server -> server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                api.attach(server);
            }
        }));
    }

    /** The SDK's Streamable HTTP servlet, with a server of the catalogue's tools behind it. */
    private HttpServletStreamableServerTransportProvider streamableHttpServer() {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(JSON)
                .mcpEndpoint(PATH)
                .contextExtractor(request -> McpTransportContext.create(Map.of(CALLER, McpCaller.of(request))))
                // As the MCP specification asks of servers, against DNS rebinding: a browser page may call
                // only from a page on this machine; clients that are no browser send no Origin.
                .securityValidator(DefaultServerTransportSecurityValidator.builder().allowedOrigins(LOCAL_ORIGINS).build())
                .build();
        McpServer.sync(transport)
                .serverInfo(SERVER_NAME, SERVER_VERSION)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools(exchange -> (McpCaller) exchange.transportContext().get(CALLER)))
                // The REST pipeline checks the arguments, answering in the API's own terms.
                .validateToolInputs(false)
                .immediateExecution(true)
                .jsonMapper(JSON)
                .build();
        return transport;
    }

    /**
     * Serves the stdio server ({@value #STDIO_SERVER_NAME}) on {@code in} and {@code out} for {@code caller}
     * until {@code in} ends. The emulator must be running: calls go through its HTTP server.
     */
    public void serveStdio(InputStream in, OutputStream out, McpCaller caller) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return ended(super.read(buffer, offset, length));
            }

            private int ended(int read) {
                if (read < 0) {
                    ended.countDown();
                }
                return read;
            }
        };
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(JSON, watched, out))
                .serverInfo(STDIO_SERVER_NAME, SERVER_VERSION)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools(exchange -> caller))
                .validateToolInputs(false)
                .immediateExecution(true)
                .jsonMapper(JSON)
                .build();
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }

    private List<McpServerFeatures.SyncToolSpecification> tools(Function<McpSyncServerExchange, McpCaller> callers) {
        return catalogue().tools().stream().map(tool -> McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(tool.name())
                        .title(tool.tool().title())
                        .description(tool.description())
                        .inputSchema(JsonSchemas.asMap(tool.inputSchema()))
                        // As the hosted tools declare (glama.ai listing): they reach the outside world.
                        .annotations(McpSchema.ToolAnnotations.builder().openWorldHint(true).build())
                        .build())
                .callHandler((exchange, request) -> call(tool, request.arguments(), callers.apply(exchange)))
                .build()).toList();
    }

    /** Answers one tool call with the REST answer of the request it stands for. */
    McpSchema.CallToolResult call(ToolCatalogue.CatalogueTool tool, Map<String, Object> arguments, McpCaller caller) {
        ToolCall call = ToolCall.of(tool, arguments);
        if (call.refusal() != null) {
            return result(refusalEnvelope(call.refusal()), true);
        }
        InProcessApi.Answer answer;
        try {
            answer = api.send(call.request(), caller, tool.name(), call.action().name());
        } catch (RuntimeException e) {
            LOG.error("the in-process request of {} {} failed", tool.name(), call.action().name(), e);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("Something went wrong on our side. Retry later.").build();
        }
        if (answer.dropped()) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("The API closed the connection without answering.").build();
        }
        return result(answer.body(), answer.status() >= 400);
    }

    private static McpSchema.CallToolResult result(String envelope, boolean refused) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder().addTextContent(envelope).isError(refused);
        if (envelope.startsWith("{")) {
            result.structuredContent(JSON, envelope);
        }
        return result.build();
    }

    /** The API's {@code validation_error} for arguments no REST request could be made of. */
    private static String refusalEnvelope(Map<String, List<String>> details) {
        ApiProblem refusal = ApiProblem.validation(details);
        return Envelopes.error(UUID.randomUUID().toString(), refusal.code(), refusal.getMessage(), refusal.details()).toString();
    }
}
