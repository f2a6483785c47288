package dev.modelslabtwin.emulator.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.emulator.ExternalProgram;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.EmulatorToken;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The guide's Python functions ({@code src/test/guide-python/guide_billing.py}, copied unchanged from the
 * public billing guide for agents) run against the emulator, driven by {@code drive_guide.py}, which points
 * the guide's two hard-coded base URLs (ModelsLab's and Stripe's) at the emulator and changes nothing else.
 * Its Python 3 with {@code requests} is found, or installed from Debian, by {@code src/test/sh/ensure-python-requests.sh}
 * before the integration tests ({@code -Dguide.python=skip} reports it skipped instead). Rate limits are
 * lifted: the run makes more billing calls in a few seconds than agent-billing's 15 a minute allow.
 */
@ModelsLabEmulator(rateLimits = false)
class GuidePythonFunctionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String python;
    private static Path sources;
    private static Path workDir;

    @BeforeAll
    static void findPython() throws Exception {
        assumeFalse("skip".equals(System.getProperty("guide.python")), "-Dguide.python=skip: the guide's Python functions are not run");
        Path found = Path.of(System.getProperty("guide.python.properties", "target/guide-python.properties"));
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(found)) {
            properties.load(in);
        }
        assumeFalse("skip".equals(properties.getProperty("guide.python")), "-Dguide.python=skip: the guide's Python functions are not run");
        python = properties.getProperty("python");
        sources = Path.of(System.getProperty("guide.python.sources", "src/test/guide-python")).toAbsolutePath();
        workDir = Files.createDirectories(Path.of(System.getProperty("guide.python.workDir", "target/guide-python")));
        System.out.println("[guide-python] " + properties.getProperty("version") + " at " + python);
    }

    @Test
    void theGuidesFunctionsPayThroughTheTwinUnchanged(@EmulatorBaseUrl String baseUrl, @EmulatorToken String token)
            throws Exception {
        long began = System.nanoTime();
        ExternalProgram.Run run = ExternalProgram.run(workDir, List.of(python, sources.resolve("drive_guide.py").toString(),
                        baseUrl, token), Map.of("PYTHONDONTWRITEBYTECODE", "1"), 120,
                "Python 3 with requests is needed (-Dguide.python=skip skips this test)");
        System.out.printf("[guide-python] drive_guide.py against %s: %.1f s%n", baseUrl, (System.nanoTime() - began) / 1e9);
        assertEquals(0, run.exitCode(), run::output);
        JsonNode seen = JSON.readTree(run.lastLine());

        assertEquals(seen.path("stripe_pk"), seen.path("stripe_config_data_key"), "stripe-config read unwrapped and in data");
        JsonNode headless = seen.path("headless_fund");
        assertMoney("100.00", headless.path("balance"));
        assertEquals("succeeded", headless.path("payment_status").asText());
        assertTrue(headless.path("saved_cards_unchanged").asBoolean(), "a card used once to fund is not saved: " + seen);
        assertEquals("succeeded", seen.path("headless_payment_status").asText());

        JsonNode withoutCard = seen.path("fund_without_card");
        assertEquals(List.of("amount", "checkout_url", "currency", "expires_at", "instructions", "message", "payment_url",
                "session_id"), texts(withoutCard.path("keys")));
        assertMoney("100.00", withoutCard.path("balance_after"));
        assertTrue(seen.path("fund_without_card_checkout_url").asText().startsWith(baseUrl + "/checkout/cs_test_"));
        JsonNode ensured = seen.path("ensure_account_funded");
        assertEquals("Wallet funded!", ensured.path("printed").path(1).asText(), "the guide prints it whatever happened");
        assertMoney("100.00", ensured.path("balance_after"));

        JsonNode human = seen.path("fund_via_human");
        assertEquals(List.of("succeeded"), texts(human.path("person_paid")));
        assertMoney("130.00", human.path("balance"));

        JsonNode created = seen.path("create_subscription");
        assertTrue(created.path("checkout_url").asText().startsWith(baseUrl + "/checkout/cs_test_"), created.toString());
        assertEquals("pending_checkout", created.path("status").asText());
        assertEquals(0, created.path("subscriptions_before_paying").asInt());
        assertEquals("active", seen.path("confirm_subscription_checkout").path("status").asText());
        assertEquals("active", seen.path("create_subscription_headless").path("status").asText());
        assertTrue(seen.path("create_subscription_headless").path("card_saved").asBoolean(), "a subscription's card is saved");

        assertEquals("AttributeError: 'NoneType' object has no attribute 'get'", seen.path("decline_snippet").path("raised").asText(),
                "the guide's snippet reads error on data, which the documented envelope sets to null (contract disagreement 12)");
        JsonNode decline = seen.path("decline_answer");
        assertEquals(402, decline.path("status").asInt());
        assertTrue(decline.path("data").isNull());
        assertEquals("payment_declined", decline.path("error").path("code").asText());
        assertEquals("Your card was declined.", decline.path("error").path("message").asText());
        assertEquals("generic_decline", decline.path("error").path("details").path("decline_code").asText());
        assertTrue(decline.path("error").path("details").path("payment_intent_id").asText().startsWith("pi_"), decline.toString());

        JsonNode threeDs = seen.path("three_d_secure");
        assertEquals("Additional authentication is required. Use modelslab.com/pricing to do payment for this transaction.",
                threeDs.path("message").asText());
        assertEquals("requires_action", threeDs.path("payment").path("status").asText());
        assertTrue(threeDs.path("payment").path("client_secret").asText()
                .startsWith(threeDs.path("payment").path("payment_intent_id").asText() + "_secret_"));
        assertEquals("pending", threeDs.path("status").asText());

        assertEquals(2, seen.path("saved_cards_added").asInt(), "the two subscriptions' cards, nothing else: " + seen);
        assertMoney("130.00", seen.path("balance_after"));
        assertFalse(run.output().contains("Traceback"), run::output);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
