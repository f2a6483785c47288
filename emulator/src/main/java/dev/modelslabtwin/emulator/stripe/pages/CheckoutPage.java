package dev.modelslabtwin.emulator.stripe.pages;

import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CardTokens;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.TestCards;
import io.javalin.http.Context;

import java.sql.Connection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosted Checkout page a person pays on ({@code payment_url}): what is being paid, a card form,
 * Pay and Cancel. The card goes to the fake Stripe's tokenisation and is kept only as a test-card
 * row, brand and last four. Paying completes the session, declines with the card's message (the
 * person can try another card), or goes through the 3D Secure page first. Crediting the wallet or
 * starting the subscription stays with the API's confirm-checkout calls.
 */
final class CheckoutPage {

    private static final Pattern EXPIRY = Pattern.compile("^\\s*(\\d{1,2})\\s*/?\\s*(\\d{2}|\\d{4})\\s*$");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Services services;
    private final PaymentIntents paymentIntents;

    CheckoutPage(Services services, PaymentIntents paymentIntents) {
        this.services = services;
        this.paymentIntents = paymentIntents;
    }

    /** {@code GET /checkout/{id}}; {@code ?declined=<decline_code>} when 3D Secure ended in a decline. */
    void show(Context http) {
        Optional<CheckoutSessions.Session> found = sessionOrNotFound(http);
        if (found.isEmpty()) {
            return;
        }
        CheckoutSessions.Session session = found.get();
        switch (session.status(now())) {
            case "complete" -> Html.seeOther(http, successLocation(session));
            case "expired" -> expired(http, session);
            default -> {
                String declined = http.queryParam("declined");
                String error = declined == null ? null : TestCards.Decline.byDeclineCode(declined)
                        .map(decline -> declineMessage(decline)).orElse(null);
                form(http, error == null ? 200 : 402, session, error);
            }
        }
    }

    /** {@code POST /checkout/{id}/pay} with {@code card_number}, {@code card_expiry} and {@code card_cvc}. */
    void pay(Context http) {
        Optional<CheckoutSessions.Session> found = sessionOrNotFound(http);
        if (found.isEmpty()) {
            return;
        }
        CheckoutSessions.Session session = found.get();
        if (!session.status(now()).equals("open")) {
            show(http);
            return;
        }
        String number = http.formParam("card_number");
        String expiry = http.formParam("card_expiry");
        String cvc = http.formParam("card_cvc");
        String missing = number == null || number.isBlank() ? "Enter your card number."
                : expiry == null || expiry.isBlank() ? "Enter the card's expiry date (MM / YY)."
                : cvc == null || cvc.isBlank() ? "Enter the card's security code (CVC)." : null;
        Matcher parsed = expiry == null ? null : EXPIRY.matcher(expiry);
        if (missing == null && !parsed.matches()) {
            missing = "Enter the expiry date as MM / YY, for example 12 / 34.";
        }
        if (missing != null) {
            form(http, 422, session, missing);
            return;
        }
        CardTokens.RawCard card = new CardTokens.RawCard(number, Integer.parseInt(parsed.group(1)),
                Integer.parseInt(parsed.group(2)), cvc.trim());
        try {
            PaymentIntents.PaymentIntent intent = services.database().transaction(db -> {
                Instant now = now();
                String paymentMethod = CardTokens.tokenise(db, card, now).id();
                return CheckoutSessions.pay(db, paymentIntents, session.id(), paymentMethod, now);
            });
            if (intent.declined()) {
                form(http, 402, session, declineMessage(intent.decline()));
            } else if (intent.requiresAction()) {
                Html.seeOther(http, PaymentIntents.authenticationPagePath(intent.id()));
            } else {
                Html.seeOther(http, successLocation(find(session.id()).orElseThrow()));
            }
        } catch (CardTokens.Refused refused) {
            form(http, 402, session, refused.getMessage());
        } catch (ApiProblem problem) {
            show(http);
        }
    }

    /** {@code GET /checkout/{id}/success}: the session id to give the agent, with a copy button. */
    void success(Context http) {
        Optional<CheckoutSessions.Session> found = sessionOrNotFound(http);
        if (found.isEmpty()) {
            return;
        }
        CheckoutSessions.Session session = found.get();
        if (!session.paid()) {
            Html.seeOther(http, session.pagePath());
            return;
        }
        String safeId = Html.escape(session.id());
        Html.page(http, 200, "Payment complete", """
                <h1 class="success">Payment complete</h1>
                <p class="amount">%s</p>
                <p>%s</p>
                <p>Give this session id to your agent so it can confirm the payment:</p>
                <label for="session-id">Checkout session id</label>
                <input id="session-id" class="mono" type="text" readonly value="%s" aria-describedby="copy-status">
                <div class="actions">
                  <button type="button" class="primary" id="copy-session-id">Copy session id</button>
                  <span id="copy-status" role="status" aria-live="polite"></span>
                </div>
                <noscript><p class="hint">Select the id above and copy it.</p></noscript>
                <script>
                  (function () {
                    var input = document.getElementById('session-id');
                    var status = document.getElementById('copy-status');
                    document.getElementById('copy-session-id').addEventListener('click', function () {
                      function copied() { status.textContent = 'Copied.'; }
                      function fallback() { input.select(); try { document.execCommand('copy'); copied(); }
                        catch (e) { status.textContent = 'Select the id and copy it.'; } }
                      if (navigator.clipboard && window.isSecureContext) {
                        navigator.clipboard.writeText(input.value).then(copied, fallback);
                      } else { fallback(); }
                    });
                  })();
                </script>
                """.formatted(Html.usd(session.amount()), Html.escape(description(session)), safeId));
    }

    /** {@code GET /checkout/{id}/cancel}: back to {@code cancel_url}, or a page saying nothing was charged. */
    void cancel(Context http) {
        Optional<CheckoutSessions.Session> found = sessionOrNotFound(http);
        if (found.isEmpty()) {
            return;
        }
        CheckoutSessions.Session session = found.get();
        if (session.cancelUrl() != null) {
            Html.seeOther(http, session.cancelUrl());
            return;
        }
        Html.page(http, 200, "Payment canceled", """
                <h1>Payment canceled</h1>
                <p>Nothing was charged. This payment link stays valid until %s if you change your mind.</p>
                <div class="actions"><a class="button secondary" href="%s">Back to the payment</a></div>
                """.formatted(WHEN.format(session.expiresAt()), Html.escape(session.pagePath())));
    }

    private void form(Context http, int status, CheckoutSessions.Session session, String error) {
        String alert = error == null ? "" : "<div class=\"alert\" role=\"alert\" id=\"card-error\">" + Html.escape(error) + "</div>";
        String describedBy = error == null ? "" : " aria-describedby=\"card-error\"";
        Html.page(http, status, "Pay " + Html.usd(session.amount()) + " · ModelsLab", """
                <h1>%s</h1>
                <p class="amount" id="amount">%s</p>
                %s
                <form method="post" action="%s/pay" novalidate>
                  <label for="card-number">Card number</label>
                  <input id="card-number" name="card_number" inputmode="numeric" autocomplete="cc-number"
                         placeholder="4242 4242 4242 4242" required%s>
                  <div class="row">
                    <div>
                      <label for="card-expiry">Expiry (MM / YY)</label>
                      <input id="card-expiry" name="card_expiry" inputmode="numeric" autocomplete="cc-exp"
                             placeholder="12 / 34" required>
                    </div>
                    <div>
                      <label for="card-cvc">Security code (CVC)</label>
                      <input id="card-cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required>
                    </div>
                  </div>
                  <p class="hint">Test mode: use a test card such as 4242 4242 4242 4242, any future expiry and any CVC.</p>
                  <div class="actions">
                    <button type="submit" class="primary" id="pay">Pay %s</button>
                    <a class="button secondary" id="cancel" href="%s/cancel">Cancel</a>
                  </div>
                </form>
                <p class="hint">This link expires at %s.</p>
                """.formatted(Html.escape(description(session)), Html.usd(session.amount()), alert,
                Html.escape(session.pagePath()), describedBy, Html.usd(session.amount()), Html.escape(session.pagePath()),
                WHEN.format(session.expiresAt())));
    }

    private void expired(Context http, CheckoutSessions.Session session) {
        Html.page(http, 410, "Payment link expired", """
                <h1>This payment link has expired</h1>
                <p>It expired at %s without being paid; nothing was charged. Ask for a new payment link.</p>
                """.formatted(WHEN.format(session.expiresAt())));
    }

    private static void notFound(Context http, String id) {
        Html.page(http, 404, "Payment link not found", """
                <h1>Payment link not found</h1>
                <p>There is no Checkout Session <code>%s</code> on this emulator.</p>
                """.formatted(Html.escape(id)));
    }

    /** What is being paid: the wallet top-up, or the plan's name and price. */
    private String description(CheckoutSessions.Session session) {
        if (!CheckoutSessions.PURPOSE_SUBSCRIBE.equals(session.purpose()) || session.planId() == null) {
            return "Add funds to your ModelsLab wallet";
        }
        return services.database().transaction(db -> plan(db, session.planId()))
                .orElse("Subscribe to plan " + session.planId());
    }

    private static Optional<String> plan(Connection db, long planId) {
        return Sql.one(db, "SELECT name, price, period FROM plans WHERE id = ?", row -> "Subscribe to "
                + row.getString("name") + " (" + Html.usd(row.getBigDecimal("price")) + " / " + row.getString("period") + ")",
                planId);
    }

    /** Where a paid session sends the person: its {@code success_url} if it has one, else the emulator's page. */
    static String successLocation(CheckoutSessions.Session session) {
        if (session.successUrl() != null) {
            return session.successUrl().replace("{CHECKOUT_SESSION_ID}", session.id());
        }
        return session.pagePath() + "/success";
    }

    static String declineMessage(TestCards.Decline decline) {
        return decline.message() + " Try another card. (Decline code: " + decline.declineCode() + ")";
    }

    /** The session the path names; empty after answering 404 with the not-found page. */
    private Optional<CheckoutSessions.Session> sessionOrNotFound(Context http) {
        String id = http.pathParam("id");
        Optional<CheckoutSessions.Session> found = find(id);
        if (found.isEmpty()) {
            notFound(http, id);
        }
        return found;
    }

    private Optional<CheckoutSessions.Session> find(String id) {
        return services.database().transaction(db -> CheckoutSessions.find(db, id));
    }

    private Instant now() {
        return services.clock().instant();
    }
}
