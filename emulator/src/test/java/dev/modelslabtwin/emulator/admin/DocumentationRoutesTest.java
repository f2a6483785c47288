package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.provenance.Parity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator serves its own contract and its browsable documentation, with no network needed. */
class DocumentationRoutesTest {

    private static final Pattern EXTERNAL = Pattern.compile("(?:src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);

    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static TestHttp http;

    @BeforeAll
    static void start() {
        http = new TestHttp(emu.emulator().baseUrl());
    }

    @Test
    void theContractIsServedAsYamlAndAsJson() throws Exception {
        TestHttp.Answer yaml = get("/openapi.yaml");
        TestHttp.Answer json = get("/openapi.json");

        assertEquals(200, yaml.status());
        assertTrue(yaml.header("Content-Type").startsWith("application/yaml"));
        assertEquals(Contract.yaml(), yaml.body());
        assertEquals(200, json.status());
        assertEquals("application/json", json.header("Content-Type"));
        assertEquals(new ObjectMapper().readTree(Contract.json()), new ObjectMapper().readTree(json.body()));
    }

    @Test
    void theDocumentationPageLoadsNothingFromTheNetwork() {
        TestHttp.Answer page = get("/docs/");
        TestHttp.Answer script = get("/docs/redoc.standalone.js");

        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        Matcher external = EXTERNAL.matcher(page.body());
        assertFalse(external.find(), "the page loads " + (external.hitEnd() ? "" : page.body().substring(external.start(),
                Math.min(page.body().length(), external.start() + 80))));
        assertTrue(page.body().contains("<script src=\"redoc.standalone.js\"></script>"));
        assertTrue(page.body().contains("\"operationId\":\"fundWallet\""), "the contract is inlined");
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").startsWith("application/javascript"));
    }

    @Test
    void theParityPageListsEveryOperationWithItsProvenanceAndLoadsNothing() {
        TestHttp.Answer page = get("/docs/parity");

        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertFalse(Pattern.compile("src=|<script|<link", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(),
                "the page needs nothing but itself");
        for (Parity.Operation operation : Parity.packaged().operations()) {
            String heading = "<h3 id=\"op-" + operation.id() + "\"><code>" + operation.method() + " " + operation.path() + "</code>";
            int at = page.body().indexOf(heading);
            assertTrue(at >= 0, "the page lists " + operation.id());
            String section = page.body().substring(at, page.body().indexOf("</table>", at));
            assertTrue(section.contains("<td>operation</td><td><span class=\"p " + operation.provenance().kind().label() + "\">"),
                    operation.id() + "'s provenance is shown: " + section);
        }
    }

    @Test
    void docsWithoutTheSlashAndTheRootLeadToTheDocumentation() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/docs", "/"}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(emu.emulator().baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(302, answer.statusCode(), path);
            assertEquals("/docs/", answer.headers().firstValue("Location").orElseThrow(), path);
        }
    }

    private static TestHttp.Answer get(String path) {
        return http.sendToRoot("GET", path, null, Map.of());
    }
}
