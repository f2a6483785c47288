package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.control.model.SeedDocument;
import dev.modelslabtwin.openapi.DocsPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control routes about the emulator as a whole: health, this API's document, reset and seeding. */
final class EmulatorOperations implements EmulatorApi {

    private final EmulatorControl control;
    private final ControlDocument document;

    EmulatorOperations(EmulatorControl control, ControlDocument document) {
        this.control = control;
        this.document = document;
    }

    @Override
    public Object getHealth() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("now", control.now());
        String version = EmulatorControl.class.getPackage().getImplementationVersion();
        health.put("version", version == null ? "dev" : version);
        return health;
    }

    @Override
    public Object getControlDocument() {
        return new ControlApi.Served("application/yaml; charset=utf-8", document.yaml().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object getControlDocumentJson() {
        return new ControlApi.Served("application/json", document.tree().toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object getControlDocs() throws IOException {
        String page = DocsPage.html(document.tree(), DocumentationRoutes.REDOC_PATH);
        return new ControlApi.Served("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object resetEmulator() {
        return control.reset();
    }

    @Override
    public Object addSeed(SeedDocument seed) {
        return control.seed(seed);
    }

    @Override
    public Object replaceSeed(SeedDocument seed) {
        return control.replaceSeed(seed);
    }
}
