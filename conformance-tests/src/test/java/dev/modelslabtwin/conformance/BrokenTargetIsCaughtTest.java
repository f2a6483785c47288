package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Exchanges;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Observation;
import dev.modelslabtwin.conformance.support.ProvenanceReport;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.openapi.provenance.Parity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite fails a target that breaks the contract. Each case puts a proxy in front of the run's target
 * that spoils one thing in its answers, runs a check of the suite through it, and expects that check
 * to fail, naming the breakage. The target itself is not touched, and what the spoiled run records
 * stays out of the run's coverage and summary.
 */
@ConformanceCheck
class BrokenTargetIsCaughtTest {

    enum Breakage {
        REQUIRED_FIELD_DROPPED("data.balance of GET /wallet/balance is dropped",
                answer -> answer.withBody(without(answer.body(), "balance")),
                Steps::balance, "missing required properties ([\"balance\"])"),
        VALUE_OUTSIDE_ENUM("the currency comes lower-case",
                answer -> answer.withBody(answer.body().replace("\"USD\"", "\"usd\"")),
                Steps::balance, "validation.response.body.schema.enum"),
        REQUIRED_HEADER_DROPPED("X-RateLimit-Remaining is not sent",
                answer -> answer.withHeader("X-RateLimit-Remaining", null),
                Steps::balance, "X-RateLimit-Remaining"),
        WRONG_CONTENT_TYPE("the answer is labelled text/html",
                answer -> answer.withHeader("Content-Type", "text/html"),
                Steps::balance, "validation.response.contentType"),
        UNDECLARED_STATUS("a 200 becomes a 203",
                answer -> answer.status() == 200 ? answer.withStatus(203) : answer,
                Steps::balance, "status 203 is not declared"),
        SERVER_ERROR("the answer becomes a 500 in the envelope",
                answer -> answer.withStatus(500).withBody("{\"data\":null,\"error\":{\"code\":\"internal_error\",\"message\":\"boom\"},\"meta\":{\"request_id\":\"x\"}}"),
                Steps::balance, "no request may cause a server error"),
        UNDOCUMENTED_ERROR_CODE("401 says unauthorized instead of unauthenticated",
                answer -> answer.withBody(answer.body().replace("\"unauthenticated\"", "\"unauthorized\"")),
                api -> api.withoutToken().get("/wallet/balance"), "error.code unauthorized is not documented");

        private final String what;
        private final UnaryOperator<Proxy.Answer> spoil;
        private final Consumer<Api> check;
        private final String reported;

        Breakage(String what, UnaryOperator<Proxy.Answer> spoil, Consumer<Api> check, String reported) {
            this.what = what;
            this.spoil = spoil;
            this.check = check;
            this.reported = reported;
        }

        @Override
        public String toString() {
            return what;
        }
    }

    private final Target target = Target.current();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Breakage.class)
    void aCheckOfTheSuiteFailsAndNamesTheBreakage(Breakage breakage) {
        String token = target.accounts().own().token();
        try (Proxy proxy = Proxy.start(target.root(), breakage.spoil)) {
            Api broken = target.elsewhere(proxy.root(), Exchanges.isolated()).api().as(token);

            AssertionError failure = assertThrows(AssertionError.class, () -> breakage.check.accept(broken));

            assertTrue(failure.getMessage().contains(breakage.reported),
                    "the failure names the breakage (" + breakage.reported + "): " + failure.getMessage());
        }
        Steps.balance(target.api().as(token));
    }

    /**
     * The provenance report notices a guess the target does not share: through a proxy that answers an
     * unpaid Checkout Session's 409 {@code checkout_not_completed} as 404 {@code not_found} (which the
     * contract allows, so only the behaviour's check fails), the behaviour and the error code come out
     * contradicted, with what the target answered; through a proxy that changes nothing, confirmed.
     */
    @Test
    void theProvenanceReportSaysWhichGuessTheTargetContradictedAndWhatItAnswered() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating a payment link (left unpaid)");
        String token = target.accounts().own().token();
        UnaryOperator<Proxy.Answer> notFound = answer -> answer.status() != 409 ? answer
                : answer.withStatus(404).withBody(answer.body().replace("\"checkout_not_completed\"", "\"not_found\""));

        Exchanges spoiled = Exchanges.isolated();
        Exchanges faithful = Exchanges.isolated();

        assertThrows(AssertionError.class, () -> confirmAnUnpaidSession(notFound, token, spoiled));
        confirmAnUnpaidSession(UnaryOperator.identity(), token, faithful);

        ProvenanceReport.Row contradicted = row(ProvenanceReport.behaviours(Parity.packaged(), spoiled), UNPAID);
        assertEquals(Observation.Outcome.CONTRADICTED, contradicted.outcome());
        assertTrue(contradicted.evidence().contains("answered 404 not_found"), contradicted.evidence());
        ProvenanceReport.Row code = row(ProvenanceReport.errorCodes(Parity.packaged(), spoiled), "checkout_not_completed");
        assertEquals(Observation.Outcome.CONTRADICTED, code.outcome(), code.evidence());
        assertTrue(ProvenanceReport.render(target, spoiled).contains("| `" + UNPAID + "` | confirmWalletCheckout, "
                + "confirmSubscriptionCheckout | emulator | **contradicted** |"));
        assertEquals(Observation.Outcome.CONFIRMED, row(ProvenanceReport.behaviours(Parity.packaged(), faithful), UNPAID).outcome());
        assertEquals(Observation.Outcome.NOT_EXERCISED,
                row(ProvenanceReport.behaviours(Parity.packaged(), Exchanges.isolated()), UNPAID).outcome());
    }

    private static final String UNPAID = "checkout.unpaid-answers-409";

    /** Confirms an unpaid Checkout Session through a proxy spoiling answers with {@code spoil}, recording what it finds. */
    private void confirmAnUnpaidSession(UnaryOperator<Proxy.Answer> spoil, String token, Exchanges recorded) {
        try (Proxy proxy = Proxy.start(target.root(), spoil)) {
            Api api = target.elsewhere(proxy.root(), recorded).api().as(token);
            recorded.verifying(List.of(UNPAID), () -> {
                String session = api.post("/billing/payment-link", Json.object("purpose", "fund", "amount", 25)).expect(200)
                        .text("session_id");
                api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expectError(409, "checkout_not_completed");
            });
        }
    }

    private static ProvenanceReport.Row row(List<ProvenanceReport.Row> rows, String subject) {
        return rows.stream().filter(r -> r.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(subject + " is not in the report"));
    }

    private static String without(String body, String field) {
        ObjectNode envelope = (ObjectNode) Json.parse(body);
        ((ObjectNode) envelope.path("data")).remove(field);
        return Json.write(envelope);
    }
}
