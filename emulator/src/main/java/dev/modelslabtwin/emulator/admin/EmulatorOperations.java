package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.seed.SeedFile;
import dev.modelslabtwin.emulator.seed.Seeder;
import dev.modelslabtwin.openapi.DocsPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control routes about the emulator as a whole: health, this API's document, reset and seeding. */
final class EmulatorOperations {

    private final Emulator emulator;
    private final ControlDocument document;

    EmulatorOperations(Emulator emulator, ControlDocument document) {
        this.emulator = emulator;
        this.document = document;
    }

    Object health(ControlRequest request) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("now", emulator.services().clock().instant());
        String version = Emulator.class.getPackage().getImplementationVersion();
        health.put("version", version == null ? "dev" : version);
        return health;
    }

    Object documentYaml(ControlRequest request) {
        return new ControlApi.Served("application/yaml; charset=utf-8", document.yaml().getBytes(StandardCharsets.UTF_8));
    }

    Object documentJson(ControlRequest request) {
        return new ControlApi.Served("application/json", document.tree().toString().getBytes(StandardCharsets.UTF_8));
    }

    Object documentPage(ControlRequest request) throws IOException {
        String page = DocsPage.html(document.tree(), DocumentationRoutes.REDOC_PATH);
        return new ControlApi.Served("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    Object reset(ControlRequest request) {
        return emulator.reset();
    }

    Object addSeed(ControlRequest request) {
        return emulator.seed(seed(request.body()));
    }

    Object replaceSeed(ControlRequest request) {
        return emulator.replaceSeed(seed(request.body()));
    }

    /** The document as a seed; the control document has checked its shape already. */
    static SeedFile seed(JsonNode body) {
        try {
            return Seeder.parse(body.toString().getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw ControlApi.invalid("body", "Not a seed document: " + e.getMessage());
        }
    }
}
