package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.faults.Faults;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.ContractOperations;
import dev.modelslabtwin.emulator.routing.Json;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The control routes of fault injection: add, list, remove, clear. */
final class FaultOperations {

    private final Faults faults;
    private final Clock clock;

    FaultOperations(Faults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    Object list(ControlRequest request) {
        return faults.list().stream().map(FaultOperations::view).toList();
    }

    Object add(ControlRequest request) {
        JsonNode body = request.body();
        Fault.Spec spec = new Fault.Spec(text(body, "operation_id"), text(body, "method"), text(body, "path"),
                Fault.Type.fromWireName(body.path("type").asText()),
                body.hasNonNull("status") ? body.get("status").asInt() : null, text(body, "code"), text(body, "message"),
                body.hasNonNull("details") ? Json.MAPPER.convertValue(body.get("details"), Map.class) : null,
                body.hasNonNull("retry_after_seconds") ? body.get("retry_after_seconds").asLong() : null,
                body.path("latency_ms").asLong(0),
                body.hasNonNull("times") ? body.get("times").asInt() : null,
                body.path("probability").asDouble(1.0),
                body.hasNonNull("seed") ? body.get("seed").asLong() : null);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        spec.problems().forEach((field, message) -> problems.put(field, List.of(message)));
        if (spec.operationId() != null && !isOperation(spec.operationId())) {
            problems.put("operation_id", List.of("The contract has no operation " + spec.operationId()
                    + ": see the operationIds in /openapi.json."));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        return new ControlApi.Answer(201, view(faults.add(spec, clock.instant())));
    }

    Object clear(ControlRequest request) {
        return Map.of("cleared", faults.clear());
    }

    Object remove(ControlRequest request) {
        String id = request.pathParam("id");
        if (!faults.remove(id)) {
            throw ControlApi.notFound("fault " + id);
        }
        return Map.of("cleared", 1);
    }

    private static boolean isOperation(String operationId) {
        try {
            ContractOperations.of(operationId);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static Map<String, Object> view(Fault fault) {
        Fault.Spec spec = fault.spec();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", fault.id());
        putIfSet(view, "operation_id", spec.operationId());
        putIfSet(view, "method", spec.method());
        putIfSet(view, "path", spec.path());
        view.put("type", spec.type().wireName());
        putIfSet(view, "status", spec.status());
        putIfSet(view, "code", spec.code());
        putIfSet(view, "message", spec.message());
        putIfSet(view, "details", spec.details());
        putIfSet(view, "retry_after_seconds", spec.retryAfterSeconds());
        view.put("latency_ms", spec.latencyMs());
        putIfSet(view, "times", spec.times());
        view.put("probability", spec.probability());
        putIfSet(view, "seed", spec.seed());
        putIfSet(view, "remaining", fault.remaining());
        view.put("injected", fault.injected());
        view.put("created_at", fault.createdAt());
        return view;
    }

    private static void putIfSet(Map<String, Object> view, String name, Object value) {
        if (value != null) {
            view.put(name, value);
        }
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
