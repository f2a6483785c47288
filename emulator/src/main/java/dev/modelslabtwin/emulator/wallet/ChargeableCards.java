package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.billing.SavedCards;

import java.sql.Connection;

import java.time.Instant;

/**
 * The card a wallet request names in {@code payment_method_id}: one of the account's saved cards, or
 * one tokenised with Stripe just now (an unattached PaymentMethod or a {@code pm_card_*} shortcut),
 * which is saved to the account first, as charging a customer with a new card does.
 */
public final class ChargeableCards {

    private ChargeableCards() {
    }

    /**
     * The id to charge: a saved card as it is, a new one once saved (not as the default, unless it is
     * the account's first). A card Stripe refuses to attach is declined here (402); an unknown card or
     * another account's is a validation error of the request, as the wallet operations declare it.
     */
    public static String resolve(Connection db, long accountId, String paymentMethodId, Instant now) {
        return SavedCards.attach(db, accountId, paymentMethodId, false, now).id();
    }
}
