package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.BoundRequest;
import dev.modelslabtwin.emulator.routing.Envelopes;
import dev.modelslabtwin.emulator.routing.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The emulator's own control API under {@code /_emulator}: what the live API cannot do and tests
 * need (reset and seed, move time, spend from a wallet, pass 3D Secure or pay a Checkout Session
 * without a browser, inject faults, read the request journal). Its interfaces, one per tag, and their
 * request models are generated from its own OpenAPI document ({@link ControlDocument}), which also
 * validates every request; the classes implementing them act only through {@link EmulatorControl}.
 * Answers in the API's envelope; who may call it is {@link AccessGate}'s decision.
 */
public final class ControlApi {

    public static final String PREFIX = "/_emulator";

    /** Answers in {@code data} use the API's snake_case names and say null where there is nothing. */
    static final ObjectMapper JSON = Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A success status other than 200, e.g. 201 for something created. */
    record Answer(int status, Object data) {
    }

    /** A document served as it is rather than in the envelope (this API's OpenAPI document, its docs page). */
    record Served(String contentType, byte[] content) {
    }

    private ControlApi() {
    }

    /** Serves every operation of the control document; {@code adminToken} (nullable) opens it beyond loopback. */
    public static void install(JavalinConfig config, EmulatorControl control, String adminToken) {
        ControlDocument document = ControlDocument.load();
        AccessGate gate = new AccessGate(adminToken);
        for (ControlRoute route : routes(control, document)) {
            config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), PREFIX + route.path(),
                    http -> answer(http, gate, document, route));
        }
    }

    /** One route per operation of the control document, each from the generated interface of its tag. */
    static List<ControlRoute> routes(EmulatorControl control, ControlDocument document) {
        List<ControlRoute> routes = new ArrayList<>();
        routes.addAll(EmulatorApi.routes(new EmulatorOperations(control, document)));
        routes.addAll(AccountsApi.routes(new AccountOperations(control)));
        routes.addAll(MailboxApi.routes(new MailboxOperations(control)));
        routes.addAll(TimeApi.routes(new ClockOperations(control)));
        routes.addAll(PaymentsApi.routes(new PaymentOperations(control)));
        routes.addAll(FaultsApi.routes(new FaultOperations(control)));
        routes.addAll(JournalApi.routes(new JournalOperations(control.journal())));
        Set<String> served = new TreeSet<>();
        routes.forEach(route -> served.add(route.operationId()));
        Set<String> documented = new TreeSet<>();
        document.operations().forEach(operation -> documented.add(operation.operationId()));
        if (!served.equals(documented)) {
            throw new IllegalStateException("the control routes " + served + " are not the document's " + documented);
        }
        return routes;
    }

    private static void answer(Context http, AccessGate gate, ControlDocument document, ControlRoute route)
            throws Exception {
        String requestId = Envelopes.requestId(http);
        try {
            gate.check(http);
            JsonNode body = validatedBody(http, document);
            Object result = route.invocation().invoke(BoundRequest.of(http, body));
            if (result instanceof Served served) {
                http.contentType(served.contentType()).result(served.content());
                return;
            }
            Answer answer = result instanceof Answer given ? given : new Answer(200, result);
            ObjectNode produced = Json.MAPPER.createObjectNode();
            produced.set("data", JSON.valueToTree(answer.data()));
            Envelopes.writeSuccess(http, requestId, answer.status(), produced, false);
        } catch (ApiProblem problem) {
            problem.headers().forEach(http::header);
            Envelopes.writeError(http, requestId, problem.status(), problem.code(), problem.getMessage(), problem.details());
        }
    }

    /** The body as JSON (a YAML body turned into JSON), once the control document accepts the request. */
    private static JsonNode validatedBody(Context http, ControlDocument document) {
        String text = http.body();
        String contentType = http.contentType() == null ? "" : http.contentType().toLowerCase(Locale.ROOT);
        if (contentType.contains("yaml") && !text.isBlank()) {
            JsonNode yaml = readYaml(text);
            document.requestValidator().checkAsJson(http, yaml.toString());
            return yaml;
        }
        document.requestValidator().check(http, text);
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid("body", "The request body is not valid JSON.");
        }
    }

    private static JsonNode readYaml(String text) {
        try {
            JsonNode yaml = YAML.readTree(text);
            if (yaml == null || !yaml.isObject()) {
                throw invalid("body", "The YAML body must be a mapping (an object).");
            }
            return yaml;
        } catch (JsonProcessingException e) {
            throw invalid("body", "The request body is not valid YAML: " + e.getOriginalMessage());
        }
    }

    static ApiProblem invalid(String field, String message) {
        return ApiProblem.validation(Map.of(field, List.of(message)));
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not_found", "No such " + what + ".", Map.of());
    }
}
