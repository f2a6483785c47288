package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.sql.Connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Saving the card a request body names in {@code payment_method_id} (attach, fund, redeem): the id is
 * a field of the request, so a card the account cannot use is a validation error of that field (422),
 * not a missing resource. Another account's card reads exactly as an unknown one, so nothing about
 * other accounts leaks. Cards named in a path ({@code /billing/payment-methods/{id}}) answer 404 instead.
 */
public final class SavedCards {

    private SavedCards() {
    }

    /**
     * Attaches {@code paymentMethodId} to the account (see {@link PaymentMethods#attach}); a card the
     * account already holds is answered again. Stripe's refusals ({@code CardDeclined}, 402) pass
     * through; an unknown, detached or foreign card is a 422 on {@code payment_method_id}.
     */
    public static PaymentMethods.Card attach(Connection db, long accountId, String paymentMethodId, boolean makeDefault,
                                             Instant now) {
        try {
            return PaymentMethods.attach(db, accountId, paymentMethodId, makeDefault, now);
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            throw ApiProblem.validation(Map.of("payment_method_id",
                    List.of("No such PaymentMethod: '" + paymentMethodId + "'.")));
        }
    }
}
