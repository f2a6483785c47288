package dev.modelslabtwin.emulator.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which clients the verification link answers in JSON: Laravel's expectsJson(), the most preferred type. */
class JsonModeTest {

    @ParameterizedTest(name = "Accept: {0} -> JSON {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json | true",
            "application/vnd.api+json | true",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | false",
            "*/* | false",
            "'' | false",
            "text/html;q=0.5, application/json | true",
            "application/json;q=0.1, text/html | false",
            "APPLICATION/JSON | true"})
    void theMostPreferredMediaTypeDecides(String accept, boolean json) {
        assertEquals(json, JsonMode.requested(accept, null));
    }

    @ParameterizedTest(name = "X-Requested-With: {0}")
    @CsvSource({"XMLHttpRequest", "xmlhttprequest"})
    void anXmlHttpRequestWantsJson(String requestedWith) {
        assertEquals(true, JsonMode.requested("*/*", requestedWith));
    }
}
