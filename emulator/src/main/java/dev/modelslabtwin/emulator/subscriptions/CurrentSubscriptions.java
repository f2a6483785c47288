package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.Subscription;
import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.core.Services;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * An account's subscriptions as of emulated now, as the API shows them: what fell due is done first
 * (renewed, or marked past due), so no answer is behind the clock. The one view behind
 * {@code GET /subscriptions}, {@code GET /subscriptions/{id}/status} and the subscriptions of
 * {@code GET /billing/overview}.
 */
public final class CurrentSubscriptions {

    private final Services services;
    private final Renewals renewals;

    /** {@code renewals}: the emulator's one catch-up of subscriptions, which the clock's due work runs too. */
    public CurrentSubscriptions(Services services, Renewals renewals) {
        this.services = services;
        this.renewals = renewals;
    }

    /** Does what fell due on the account's subscriptions; returns the emulated now they are current to. */
    public Instant catchUp(long accountId) {
        Instant now = services.clock().instant();
        renewals.catchUp(accountId, now);
        return now;
    }

    /**
     * The account's subscriptions, newest first, as of the last {@link #catchUp}; a row whose status the
     * contract does not know (written by a tool) is left out.
     */
    public static List<Subscription> list(Connection db, long accountId) {
        return Subscriptions.list(db, accountId).stream()
                .filter(stored -> stored.status() != SubscriptionStatus.UNKNOWN_DEFAULT_OPEN_API)
                .map(stored -> SubscriptionViews.of(db, stored))
                .toList();
    }

    /** One of the account's subscriptions; 404 for an unknown id or another account's. */
    static Subscription one(Connection db, long accountId, long id) {
        return SubscriptionViews.of(db, Subscriptions.owned(db, accountId, id));
    }
}
