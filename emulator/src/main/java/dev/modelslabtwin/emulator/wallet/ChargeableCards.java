package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CardDeclined;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The card a wallet or subscription request names in {@code payment_method_id}: one of the account's saved cards, or
 * one tokenised with Stripe just now (an unattached PaymentMethod or a {@code pm_card_*} shortcut),
 * which is saved to the account first, as charging a customer with a new card does.
 */
public final class ChargeableCards {

    private ChargeableCards() {
    }

    /**
     * The id to charge. A card Stripe refuses to attach is declined here (402); an unknown card or
     * another account's is a validation error of the request, as the wallet and subscription operations
     * declare it.
     */
    public static String resolve(Connection db, long accountId, String paymentMethodId, Instant now) throws SQLException {
        boolean saved = PaymentMethods.find(db, paymentMethodId)
                .filter(card -> Objects.equals(card.accountId(), accountId)).isPresent();
        if (saved) {
            return paymentMethodId;
        }
        try {
            return PaymentMethods.attach(db, accountId, paymentMethodId, false, now).id();
        } catch (CardDeclined declined) {
            throw declined;
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            throw ApiProblem.validation(Map.of("payment_method_id",
                    List.of("The selected payment method is invalid: no such card in this account.")));
        }
    }
}
