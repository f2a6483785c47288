package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.modelslabtwin.conformance.Steps.VISA;
import static dev.modelslabtwin.conformance.Steps.fund;

/**
 * One account never reaches another's resources: each id of the first account, used with the second
 * account's token, answers 404 {@code not_found} — never the data, never a 403 that confirms it exists.
 * Against a live server the ids are the configured account's own (found by listing), read only.
 */
@ConformanceCheck
class AccountIsolationTest {

    private final Target target = Target.current();

    @Test
    @Verifies("isolation.foreign-ids-not-found")
    void anotherAccountsPaymentIntentIsNotFound() {
        Api owner = target.api().as(target.accounts().own().token());
        String intent;
        if (target.isEmulator()) {
            intent = fund(owner, "10", VISA).expect(200).data().path("payment").path("payment_intent_id").asText();
        } else {
            intent = firstMatching(owner.get("/wallet/transactions").expect(200).data().path("items"), "transaction_id", "pi_");
        }
        Api stranger = target.api().as(target.accounts().other().token());

        stranger.get("/payments/" + intent + "/status").expectError(404, "not_found");
        owner.get("/payments/" + intent + "/status").expect(200);
    }

    @Test
    @Verifies("isolation.foreign-ids-not-found")
    void anotherAccountsInvoiceIsNotFound() {
        Api owner = target.api().as(target.accounts().own().token());
        if (target.isEmulator()) {
            fund(owner, "10", VISA).expect(200);
        }
        String invoice = firstMatching(owner.get("/billing/invoices").expect(200).data(), "id", "in_");
        Api stranger = target.api().as(target.accounts().other().token());

        stranger.get("/billing/invoices/" + invoice).expectError(404, "not_found");
        stranger.get("/billing/invoices/" + invoice + "/pdf").expectError(404, "not_found");
    }

    @Test
    @Verifies("isolation.foreign-ids-not-found")
    void anotherAccountsSubscriptionIsNotFound() {
        Api owner = target.api().as(target.accounts().own().token());
        if (target.isEmulator()) {
            SubscriptionLifecycleTest.subscribe(owner, SubscriptionLifecycleTest.plans(owner).get(0), VISA).expect(200);
        }
        // Newest first: on an emulator the one just made.
        JsonNode subscriptions = owner.get("/subscriptions").expect(200).data();
        Assumptions.assumeTrue(subscriptions.size() > 0, "the account has no subscription to hide");
        long id = subscriptions.get(0).path("id").asLong();
        Api stranger = target.api().as(target.accounts().other().token());

        stranger.get("/subscriptions/" + id + "/status").expectError(404, "not_found");
        if (target.isEmulator()) {
            stranger.post("/subscriptions/" + id + "/pause").expectError(404, "not_found");
            owner.get("/subscriptions/" + id + "/status").expect(200);
        }
    }

    @Test
    @Verifies("isolation.foreign-ids-not-found")
    void anotherAccountsCardCannotBeMadeDefaultOrRemoved() {
        target.assumeEmulator("trying to change another account's cards is only safe on an emulator");
        Api owner = target.api().as(target.accounts().fresh().token());
        String card = owner.post("/billing/payment-methods", Json.object("payment_method_id", VISA)).expect(201).text("id");
        Api stranger = target.api().as(target.accounts().fresh().token());

        stranger.put("/billing/payment-methods/" + card + "/default").expectError(404, "not_found");
        stranger.delete("/billing/payment-methods/" + card).expectError(404, "not_found");
        owner.get("/billing/payment-methods").expect(200);
    }

    @Test
    @Verifies("isolation.foreign-ids-not-found")
    void anotherAccountsCheckoutSessionCannotBeConfirmed() {
        target.assumeEmulator("a fresh account's funding without a card is a Checkout Session");
        Api owner = target.api().as(target.accounts().fresh().token());
        String session = fund(owner, "20", null).expect(200).text("session_id");
        Api stranger = target.api().as(target.accounts().fresh().token());

        stranger.post("/wallet/confirm-checkout", Json.object("session_id", session)).expectError(404, "not_found");
        owner.post("/wallet/confirm-checkout", Json.object("session_id", session)).expectError(409, "checkout_not_completed");
    }

    @Test
    @Verifies("isolation.foreign-ids-not-found")
    void anotherAccountsTokenCannotBeRevoked() {
        target.assumeEmulator("listing the first account's token ids needs its password");
        Accounts.Account account = target.accounts().fresh();
        String second = target.accounts().login(account, List.of("wallet:read"));
        long id = target.api().as(account.token()).get("/auth/tokens").expect(200).data().get(0).path("id").asLong();
        Api stranger = target.api().as(target.accounts().fresh().token());

        stranger.delete("/auth/tokens/" + id).expectError(404, "not_found");
        Steps.balance(target.api().as(second));
    }

    private static String firstMatching(JsonNode items, String field, String prefix) {
        for (JsonNode item : items) {
            if (item.path(field).asText("").startsWith(prefix)) {
                return item.path(field).asText();
            }
        }
        Assumptions.assumeTrue(false, "the account has no " + prefix + "... id to hide yet");
        return null;
    }
}
