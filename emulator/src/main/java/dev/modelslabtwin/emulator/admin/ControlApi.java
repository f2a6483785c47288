package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Envelopes;
import dev.modelslabtwin.emulator.routing.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The emulator's own control API under {@code /_emulator}: what the live API cannot do and tests
 * need (reset and seed, move time, spend from a wallet, pass 3D Secure or pay a Checkout Session
 * without a browser, inject faults, read the request journal). Its routes, and the validation of
 * every request, come from its own OpenAPI document ({@link ControlDocument}); each operationId
 * there has exactly one handler here. Answers in the API's envelope; who may call it is
 * {@link AccessGate}'s decision.
 */
public final class ControlApi {

    public static final String PREFIX = "/_emulator";

    /** Answers in {@code data} use the API's snake_case names and say null where there is nothing. */
    static final ObjectMapper JSON = Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One control operation: reads the request, returns what goes in {@code data} (or an {@link Answer}). */
    @FunctionalInterface
    interface Operation {
        Object handle(ControlRequest request) throws Exception;
    }

    /** A success status other than 200, e.g. 201 for something created. */
    record Answer(int status, Object data) {
    }

    /** A document served as it is rather than in the envelope (this API's OpenAPI document, its docs page). */
    record Served(String contentType, byte[] content) {
    }

    private ControlApi() {
    }

    /** Serves every operation of the control document; {@code adminToken} (nullable) opens it beyond loopback. */
    public static void install(JavalinConfig config, Emulator emulator, String adminToken) {
        ControlDocument document = ControlDocument.load();
        Map<String, Operation> handlers = handlers(emulator, document);
        AccessGate gate = new AccessGate(adminToken);
        for (ControlDocument.Operation operation : document.operations()) {
            Operation handler = handlers.remove(operation.operationId());
            if (handler == null) {
                throw new IllegalStateException("no handler for control operation " + operation.operationId());
            }
            config.routes.addHttpHandler(HandlerType.findOrCreate(operation.method()), PREFIX + operation.path(),
                    http -> answer(http, gate, document, handler));
        }
        if (!handlers.isEmpty()) {
            throw new IllegalStateException("handlers for operations the control document lacks: " + new TreeSet<>(handlers.keySet()));
        }
    }

    private static Map<String, Operation> handlers(Emulator emulator, ControlDocument document) {
        EmulatorOperations state = new EmulatorOperations(emulator, document);
        AccountOperations accounts = new AccountOperations(emulator.services(), emulator.paymentIntents());
        ClockOperations clock = new ClockOperations(emulator);
        PaymentOperations payments = new PaymentOperations(emulator.services(), emulator.paymentIntents());
        FaultOperations faults = new FaultOperations(emulator.faults(), emulator.services().clock());
        JournalOperations journal = new JournalOperations(emulator.journal());
        Map<String, Operation> handlers = new HashMap<>();
        handlers.put("getHealth", state::health);
        handlers.put("getControlDocument", state::documentYaml);
        handlers.put("getControlDocumentJson", state::documentJson);
        handlers.put("getControlDocs", state::documentPage);
        handlers.put("resetEmulator", state::reset);
        handlers.put("addSeed", state::addSeed);
        handlers.put("replaceSeed", state::replaceSeed);
        handlers.put("listAccounts", accounts::list);
        handlers.put("createAccount", accounts::create);
        handlers.put("createToken", accounts::issueToken);
        handlers.put("spendFromWallet", accounts::spend);
        handlers.put("getVerificationCode", accounts::verificationCode);
        handlers.put("getClock", clock::read);
        handlers.put("advanceClock", clock::advance);
        handlers.put("listTestCards", payments::testCards);
        handlers.put("authenticatePayment", payments::authenticate);
        handlers.put("payCheckoutSession", payments::payCheckoutSession);
        handlers.put("listFaults", faults::list);
        handlers.put("addFault", faults::add);
        handlers.put("clearFaults", faults::clear);
        handlers.put("removeFault", faults::remove);
        handlers.put("listJournal", journal::list);
        handlers.put("clearJournal", journal::clear);
        return handlers;
    }

    private static void answer(Context http, AccessGate gate, ControlDocument document, Operation handler) throws Exception {
        String requestId = Envelopes.requestId(http);
        try {
            gate.check(http);
            JsonNode body = validatedBody(http, document);
            Object result = handler.handle(new ControlRequest(http, body));
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
