package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Payment links: a Checkout Session a person pays on the emulator's hosted page, for a wallet top-up
 * ({@code fund}, the amount given) or a plan ({@code subscribe}, the plan's price). Each purpose takes
 * its own field and refuses the other's, so a request that mixes them fails loudly instead of paying
 * for something else than meant. The contract already bounds the amount ($10–$10,000, cents).
 */
final class PaymentLinks {

    private PaymentLinks() {
    }

    static CheckoutSessions.Session create(Connection db, long accountId, String purpose, BigDecimal amount, Long planId,
                                           Instant now) {
        if (CheckoutSessions.PURPOSE_FUND.equals(purpose)) {
            require(amount != null, "amount", "The amount field is required when purpose is fund.");
            require(planId == null, "plan_id", "The plan id field is prohibited when purpose is fund.");
            return CheckoutSessions.create(db, accountId, purpose, amount.setScale(2, RoundingMode.UNNECESSARY), null,
                    null, null, now);
        }
        require(planId != null, "plan_id", "The plan id field is required when purpose is subscribe.");
        require(amount == null, "amount", "The amount field is prohibited when purpose is subscribe: the plan sets the price.");
        BigDecimal price = Sql.one(db, "SELECT price FROM plans WHERE id = ?", row -> row.getBigDecimal(1), planId)
                .orElseThrow(() -> invalid("plan_id", "The selected plan id is invalid: no plan " + planId
                        + " in GET /subscriptions/plans."));
        return CheckoutSessions.create(db, accountId, purpose, price, planId, null, null, now);
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw invalid(field, message);
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.validation(Map.of(field, List.of(message)));
    }
}
