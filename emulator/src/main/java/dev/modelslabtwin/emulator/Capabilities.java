package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.api.AuthApi;
import dev.modelslabtwin.emulator.api.BillingApi;
import dev.modelslabtwin.emulator.api.PaymentsApi;
import dev.modelslabtwin.emulator.api.SubscriptionsApi;
import dev.modelslabtwin.emulator.api.WalletApi;
import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.auth.AuthEndpoints;
import dev.modelslabtwin.emulator.billing.BillingEndpoints;
import dev.modelslabtwin.emulator.core.DueWork;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.payments.PaymentEndpoints;
import dev.modelslabtwin.emulator.routing.ApiRoute;
import dev.modelslabtwin.emulator.routing.IdempotentRequests;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.subscriptions.CurrentSubscriptions;
import dev.modelslabtwin.emulator.subscriptions.Renewals;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionEndpoints;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionFulfilments;
import dev.modelslabtwin.emulator.wallet.AutoFunding;
import dev.modelslabtwin.emulator.wallet.WalletEndpoints;
import dev.modelslabtwin.emulator.wallet.WalletFulfilments;

import java.util.ArrayList;
import java.util.List;

/**
 * Every capability of the emulator, put together once at start-up: the fake Stripe's charges with what
 * each kind of payment does when it succeeds, the operations of every tag of the contract, and the work
 * that falls due as emulated time passes. Nothing is registered later, and nothing is looked up by name.
 */
record Capabilities(PaymentIntents paymentIntents, IdempotentRequests idempotency, List<ApiRoute> routes,
                    List<DueWork.Task> dueWork) {

    static Capabilities of(Services services) {
        Database database = services.database();
        PaymentIntents intents = new PaymentIntents(CheckoutSessions.FULFILMENTS, WalletFulfilments.ALL,
                SubscriptionFulfilments.ALL);
        Renewals renewals = new Renewals(services, intents);
        CurrentSubscriptions subscriptions = new CurrentSubscriptions(services, renewals);
        IdempotentRequests idempotency = new IdempotentRequests(database, services.clock());

        List<ApiRoute> routes = new ArrayList<>();
        routes.addAll(AuthApi.routes(new AuthEndpoints(services)));
        routes.addAll(WalletApi.routes(new WalletEndpoints(services, intents)));
        routes.addAll(BillingApi.routes(new BillingEndpoints(services, subscriptions)));
        routes.addAll(PaymentsApi.routes(new PaymentEndpoints(services, intents)));
        routes.addAll(SubscriptionsApi.routes(new SubscriptionEndpoints(services, intents, subscriptions)));

        // In this order the control API reports them.
        List<DueWork.Task> dueWork = List.of(
                new DueWork.Task("checkout_sessions_expired",
                        (from, now) -> database.transaction(db -> CheckoutSessions.expireDue(db, now))),
                new DueWork.Task("tokens_expired",
                        (from, now) -> database.transaction(db -> AccessTokens.countExpiring(db, from, now))),
                new DueWork.Task("idempotency_keys_expired", (from, now) -> idempotency.purgeExpired(now)),
                new DueWork.Task("auto_funding_charges",
                        (from, now) -> AutoFunding.topUpLowWallets(services, intents, now)),
                new DueWork.Task("subscription_renewals", renewals::runDue));
        return new Capabilities(intents, idempotency, List.copyOf(routes), dueWork);
    }
}
