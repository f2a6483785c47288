package dev.modelslabtwin.emulator.stripe.pages;

import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.stripe.TestCards;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The 3D Secure step ({@code next_action} of a PaymentIntent or SetupIntent in {@code requires_action}),
 * like Stripe's test-mode authentication page: the person completes or fails it. A Checkout payment
 * then goes on to its success page (or back to the form with the decline); anything else shows the
 * outcome, which the agent reads by polling the payment.
 */
final class ThreeDSecurePage {

    private final Services services;
    private final PaymentIntents paymentIntents;

    ThreeDSecurePage(Services services, PaymentIntents paymentIntents) {
        this.services = services;
        this.paymentIntents = paymentIntents;
    }

    /** What is awaiting authentication: a payment (with its amount) or a card being saved. */
    private record Pending(String id, String status, BigDecimal amount, String checkoutSessionId) {

        boolean awaiting() {
            return PaymentIntents.REQUIRES_ACTION.equals(status);
        }
    }

    /** {@code GET /stripe/3ds/{id}}. */
    void show(Context http) {
        String id = http.pathParam("id");
        Optional<Pending> pending = find(id);
        if (pending.isEmpty()) {
            notFound(http, id);
            return;
        }
        if (!pending.get().awaiting()) {
            noLongerAwaiting(http, 200, pending.get());
            return;
        }
        BigDecimal amount = pending.get().amount();
        String what = amount == null ? "Saving this card for future payments needs your approval."
                : "Your bank asks you to approve a payment of " + Html.usd(amount) + ".";
        Html.page(http, 200, "3D Secure authentication", """
                <h1>3D Secure authentication</h1>
                <p>%s</p>
                <p class="hint">This is the emulator's test-mode authentication page: choose the outcome.</p>
                <form method="post" action="%s">
                  <div class="actions">
                    <button type="submit" class="primary" name="outcome" value="approve" id="approve">Complete authentication</button>
                    <button type="submit" class="danger" name="outcome" value="fail" id="fail">Fail authentication</button>
                  </div>
                </form>
                """.formatted(Html.escape(what), Html.escape(PaymentIntents.authenticationPagePath(id))));
    }

    /** {@code POST /stripe/3ds/{id}} with {@code outcome=approve|fail}. */
    void complete(Context http) {
        String id = http.pathParam("id");
        String outcome = http.formParam("outcome");
        if (!"approve".equals(outcome) && !"fail".equals(outcome)) {
            Html.page(http, 422, "3D Secure authentication", "<h1>Choose an outcome</h1><p>Send outcome=approve or "
                    + "outcome=fail.</p><p><a href=\"" + Html.escape(PaymentIntents.authenticationPagePath(id))
                    + "\">Back</a></p>");
            return;
        }
        Optional<Pending> before = find(id);
        if (before.isEmpty()) {
            notFound(http, id);
            return;
        }
        if (!before.get().awaiting()) {
            noLongerAwaiting(http, 409, before.get());
            return;
        }
        TestCards.Decline decline = services.database().transaction(db -> {
            if (id.startsWith("seti_")) {
                SetupIntents.SetupIntent ended = SetupIntents.completeAuthentication(db, id, outcome.equals("approve"),
                        services.clock().instant());
                return ended.declined() ? ended.decline() : null;
            }
            PaymentIntents.PaymentIntent ended = paymentIntents.completeAuthentication(db, id,
                    outcome.equals("approve"), services.clock().instant());
            return ended.declined() ? ended.decline() : null;
        });
        String sessionId = before.get().checkoutSessionId();
        if (sessionId != null) {
            CheckoutSessions.Session session = services.database().transaction(db -> CheckoutSessions.find(db, sessionId))
                    .orElseThrow();
            Html.seeOther(http, decline == null ? CheckoutPage.successLocation(session)
                    : session.pagePath() + "?declined=" + decline.declineCode());
            return;
        }
        if (decline == null) {
            Html.page(http, 200, "Authentication complete", """
                    <h1 class="success">Authentication complete</h1>
                    <p>%s You can close this page and return to your agent.</p>
                    """.formatted(id.startsWith("seti_") ? "The card is saved." : "The payment succeeded."));
        } else {
            Html.page(http, 402, "Payment not completed", """
                    <h1>Not completed</h1>
                    <div class="alert" role="alert">%s</div>
                    <p>You can close this page and return to your agent.</p>
                    """.formatted(Html.escape(decline.message() + " (Decline code: " + decline.declineCode() + ")")));
        }
    }

    private Optional<Pending> find(String id) {
        return services.database().transaction(db -> {
            if (id.startsWith("seti_")) {
                return SetupIntents.find(db, id).map(intent -> new Pending(intent.id(), intent.status(), null, null));
            }
            return paymentIntents.find(db, id).map(intent -> new Pending(intent.id(), intent.status(),
                    intent.amount(), intent.purpose() == ChargePurpose.CHECKOUT ? intent.reference() : null));
        });
    }

    private static void noLongerAwaiting(Context http, int status, Pending pending) {
        Html.page(http, status, "Nothing to authenticate", """
                <h1>Nothing to authenticate</h1>
                <p><code>%s</code> is no longer waiting for authentication (status: <strong>%s</strong>).</p>
                """.formatted(Html.escape(pending.id()), Html.escape(pending.status())));
    }

    private static void notFound(Context http, String id) {
        Html.page(http, 404, "Not found", """
                <h1>Nothing to authenticate</h1>
                <p>There is no payment or SetupIntent <code>%s</code> on this emulator.</p>
                """.formatted(Html.escape(id)));
    }
}
