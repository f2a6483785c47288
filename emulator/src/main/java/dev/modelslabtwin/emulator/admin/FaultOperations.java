package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.control.model.FaultRequest;
import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.ContractOperations;
import dev.modelslabtwin.emulator.routing.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The control routes of fault injection: add, list, remove, clear. */
final class FaultOperations implements FaultsApi {

    private final EmulatorControl control;

    FaultOperations(EmulatorControl control) {
        this.control = control;
    }

    @Override
    public Object listFaults() {
        return control.faults().list().stream().map(FaultOperations::view).toList();
    }

    @Override
    public Object addFault(FaultRequest request) {
        Fault.Spec spec = new Fault.Spec(request.getOperationId(),
                request.getMethod() == null ? null : request.getMethod().getValue(), request.getPath(),
                Fault.Type.fromWireName(request.getType() == null ? "" : request.getType().getValue()),
                request.getStatus(), request.getCode(), request.getMessage(),
                request.getDetails() == null ? null : Json.MAPPER.convertValue(request.getDetails(), Map.class),
                request.getRetryAfterSeconds(), request.getLatencyMs() == null ? 0 : request.getLatencyMs(),
                request.getTimes(), request.getProbability().doubleValue(), request.getSeed());
        Map<String, List<String>> problems = new LinkedHashMap<>();
        spec.problems().forEach((field, message) -> problems.put(field, List.of(message)));
        if (spec.operationId() != null && !isOperation(spec.operationId())) {
            problems.put("operation_id", List.of("The contract has no operation " + spec.operationId()
                    + ": see the operationIds in /openapi.json."));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        return new ControlApi.Answer(201, view(control.injectFault(spec)));
    }

    @Override
    public Object clearFaults() {
        return Map.of("cleared", control.faults().clear());
    }

    @Override
    public Object removeFault(String id) {
        if (!control.faults().remove(id)) {
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

}
