package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.control.model.SeedPlan;
import dev.modelslabtwin.emulator.seed.Seeder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan catalogue: the seeded plans, and the pay-as-you-go terms the wallet really applies. */
class PlansTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void theCatalogueListsEverySeededPlanWithItsPriceIntervalAndFeatures() {
        TestHttp.Answer answer = emu.as(emu.newAccount().token()).get("/subscriptions/plans");

        assertEquals(200, answer.status(), answer.body());
        JsonNode catalogue = answer.json().path("data");
        List<SeedPlan> seeded = Seeder.builtIn().getPlans();
        assertEquals(seeded.size(), catalogue.path("count").asInt());
        JsonNode plans = catalogue.path("subscription_plans");
        assertEquals(seeded.size(), plans.size());
        for (int i = 0; i < seeded.size(); i++) {
            SeedPlan expected = seeded.get(i);
            JsonNode plan = plans.get(i);
            assertEquals(expected.getId(), plan.path("id").asLong());
            assertEquals(expected.getName(), plan.path("name").asText());
            assertEquals(expected.getCategory(), plan.path("category").asText());
            assertEquals(expected.getPeriod(), plan.path("period").asText());
            assertEquals(expected.getPeriod(), plan.path("interval").asText(), "the CLI reads interval");
            assertMoney(expected.getPrice().toPlainString(), plan.path("price"));
            List<String> features = new ArrayList<>();
            plan.path("features").forEach(feature -> features.add(feature.asText()));
            assertEquals(expected.getFeatures(), features);
            assertEquals(expected.getDescription(), plan.path("description").asText());
        }
    }

    @Test
    void payAsYouGoStatesTheMinimumTopUpTheWalletEnforces() {
        var account = emu.newAccount();
        String card = SubscriptionTests.attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        JsonNode payg = http.get("/subscriptions/plans").json().path("data").path("pay_as_you_go");
        BigDecimal minimum = new BigDecimal(payg.path("minimum_topup_usd").asText());
        String withCard = ", \"payment_method_id\": \"" + card + "\"}";

        TestHttp.Answer below = http.post("/wallet/fund", "{\"amount\": " + minimum.subtract(new BigDecimal("0.01")) + withCard);
        TestHttp.Answer atMinimum = http.post("/wallet/fund", "{\"amount\": " + minimum + withCard);

        assertTrue(payg.path("available").asBoolean());
        assertEquals("USD", payg.path("currency").asText());
        assertEquals(422, below.status(), below.body());
        assertTrue(below.json().path("error").path("details").has("amount"));
        assertEquals(200, atMinimum.status(), atMinimum.body());
        assertMoney(minimum.toPlainString(), atMinimum.json().path("data").path("balance"));
    }

    @Test
    void payAsYouGoNamesTheWalletEndpointsThatExist() {
        var account = emu.newAccount();
        SubscriptionTests.attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        JsonNode payg = http.get("/subscriptions/plans").json().path("data").path("pay_as_you_go");

        String configure = payg.path("auto_payments").path("configure_endpoint").asText();
        String disable = payg.path("auto_payments").path("disable_endpoint").asText();

        assertEquals("PUT /api/agents/v1/wallet/auto-funding", configure);
        assertEquals("DELETE /api/agents/v1/wallet/auto-funding", disable);
        assertEquals("POST /api/agents/v1/wallet/fund", payg.path("fund_endpoint").asText());
        TestHttp.Answer enabled = http.put(configure.substring(configure.indexOf("/wallet")),
                "{\"auto_charge_amount\": 25, \"charge_threshold\": 5}");
        assertEquals(200, enabled.status(), enabled.body());
        assertEquals(200, http.delete(disable.substring(disable.indexOf("/wallet"))).status());
    }

    @Test
    void aTokenWithoutSubscriptionsReadCannotSeeTheCatalogue() {
        var walletOnly = emu.newAccount(BigDecimal.ZERO, Set.of("wallet:read"));

        TestHttp.Answer answer = emu.as(walletOnly.token()).get("/subscriptions/plans");

        assertEquals(403, answer.status(), answer.body());
        assertEquals("subscriptions:read", answer.json().path("error").path("details").path("required_scope").asText());
    }
}
