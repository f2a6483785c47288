package dev.modelslabtwin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textForReadersAndExtensionsAreLeftOutAndADescriptionIsKeptEmpty() throws Exception {
        JsonNode view = ChecksView.of(JSON.readTree("""
                {"paths": {"/a": {"get": {"summary": "s", "x-required-scope": "wallet:read",
                  "responses": {"200": {"description": "OK", "content": {"application/json": {
                    "schema": {"type": "string", "description": "d", "example": "e", "pattern": "^a$"},
                    "examples": {"one": {"value": "a"}}}}}}}}}}"""));

        JsonNode get = view.path("paths").path("/a").path("get");
        assertFalse(get.has("summary"));
        assertFalse(get.has("x-required-scope"));
        assertEquals("", get.path("responses").path("200").path("description").asText("missing"));
        JsonNode media = get.path("responses").path("200").path("content").path("application/json");
        assertFalse(media.has("examples"));
        assertEquals(JSON.readTree("{\"type\": \"string\", \"description\": \"\", \"pattern\": \"^a$\"}"), media.path("schema"));
    }

    @Test
    void propertiesNamedLikeKeywordsAreKept() throws Exception {
        JsonNode view = ChecksView.of(JSON.readTree("""
                {"components": {"schemas": {"Invoice": {"type": "object", "required": ["description"],
                  "properties": {"description": {"type": "string", "description": "what was bought"},
                                 "example": {"type": "integer"}, "x-kind": {"type": "string"}}}}}}"""));

        JsonNode properties = view.path("components").path("schemas").path("Invoice").path("properties");
        assertEquals(List.of("description", "example", "x-kind"), names(properties));
        assertEquals("", properties.path("description").path("description").asText("missing"));
        assertEquals("description", view.path("components").path("schemas").path("Invoice").path("required").path(0).asText());
    }

    @Test
    void thePackagedViewIsAValidOpenApiDocumentWithEveryOperationOfTheContract() throws Exception {
        SwaggerParseResult parsed = Contract.parse(Contract.checksJson());

        assertTrue(parsed.getMessages().isEmpty(), String.valueOf(parsed.getMessages()));
        assertEquals(Contract.openApi().getPaths().keySet(), parsed.getOpenAPI().getPaths().keySet());
        assertTrue(Contract.checksJson().length() < Contract.json().length() / 3, "the view is a third of the contract at most");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
