package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.sql.Connection;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The refusals lifecycle actions share: 409 {@code invalid_state} when a subscription's state forbids the action. */
final class SubscriptionStates {

    private SubscriptionStates() {
    }

    /** Passes when {@code subscription} is in one of {@code allowed}; else 409 with {@code message} and the current status. */
    static void require(StoredSubscription subscription, String message, SubscriptionStatus... allowed) {
        if (Arrays.stream(allowed).noneMatch(subscription::is)) {
            throw new ApiProblem(409, "invalid_state", message + " Subscription " + subscription.id() + " is "
                    + subscription.status().getValue() + ".", Map.of("subscription_id", subscription.id(),
                    "status", subscription.status().getValue()));
        }
    }

    /**
     * One live (not canceled) subscription per plan and account: subscribing twice is almost always a
     * retry that would charge twice. 409 naming the live one.
     */
    static void refuseSecondOnPlan(Connection db, long accountId, Plans.Plan plan) {
        Optional<StoredSubscription> live = Subscriptions.liveOnPlan(db, accountId, plan.id());
        if (live.isPresent()) {
            throw new ApiProblem(409, "invalid_state", "This account already holds a live subscription to plan "
                    + plan.id() + " (" + plan.name() + "): change, resume or fix that one instead.",
                    Map.of("subscription_id", live.get().id(), "status", live.get().status().getValue()));
        }
    }
}
