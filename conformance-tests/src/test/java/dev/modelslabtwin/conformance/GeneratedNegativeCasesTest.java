package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.negative.NegativeCase;
import dev.modelslabtwin.conformance.negative.NegativeCaseGenerator;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.ContractIndex;
import dev.modelslabtwin.conformance.support.ContractOperation;
import dev.modelslabtwin.conformance.support.Exchanges;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Observation;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import dev.modelslabtwin.openapi.provenance.FieldRules;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requests the contract forbids, derived from it (see {@link NegativeCaseGenerator}), one dynamic
 * test each: the target must refuse every one with the documented 4xx in the envelope, the documented
 * {@code error.code} and the offending field named in {@code details} — never a 2xx, never a 5xx.
 */
@ConformanceCheck
class GeneratedNegativeCasesTest {

    /** A scope no operation requires: what a token lacking the operation's scope holds. */
    private static final String UNRELATED_SCOPE = "profile:read";

    private final Target target = Target.current();

    @TestFactory
    @Verifies({"auth.refused-credentials", "scopes.insufficient-scope", "validation.fields-named", "card-data.refused"})
    Stream<DynamicContainer> everyOperationRefusesWhatItsContractForbids() {
        NegativeCaseGenerator generator = new NegativeCaseGenerator(target.settings().seed());
        Credentials shared = new Credentials(null);
        return ContractIndex.get().operations().stream().map(operation -> {
            List<NegativeCase> cases = generator.casesFor(operation);
            Credentials credentials = actsOnItsOwnToken(operation) ? new Credentials(operation) : shared;
            return DynamicContainer.dynamicContainer(operation.operationId() + " (" + cases.size() + " cases)",
                    cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, credentials))));
        });
    }

    /** One case, and what it found about the behaviour and the field rule it is about. */
    private void check(NegativeCase negative, Credentials credentials) {
        Throwable failure = null;
        try {
            checkRefused(negative, credentials);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            Exchanges.global().observe(Observation.Subject.BEHAVIOUR, behaviourOf(negative), failure);
            if (negative.rule() != null && FieldRules.KEYWORDS.contains(negative.constraint())) {
                Exchanges.global().observe(Observation.Subject.FIELD_RULE,
                        negative.operation().operationId() + " " + negative.rule() + " " + negative.constraint(), failure);
            }
        }
    }

    /** The contract's behaviour a case checks: refused credentials, a missing scope, card data, or a broken field. */
    private static String behaviourOf(NegativeCase negative) {
        return switch (negative.constraint()) {
            case "credentials" -> "auth.refused-credentials";
            case "scope" -> "scopes.insufficient-scope";
            case "card data" -> "card-data.refused";
            default -> "validation.fields-named";
        };
    }

    private void checkRefused(NegativeCase negative, Credentials credentials) {
        ContractOperation operation = negative.operation();
        boolean anonymous = switch (negative.credential()) {
            case NONE, UNKNOWN, MALFORMED -> true;
            default -> false;
        };
        // Refused credentials reach no account; anything else could act if the target wrongly accepted it.
        if (!anonymous && operation.impact() == Impact.MOVES_MONEY) {
            target.assumeAllowed(Impact.MOVES_MONEY, operation.operationId());
        } else if (!anonymous && operation.impact() == Impact.ACCOUNT_CHANGE) {
            target.assumeBrokenWritesAllowed(operation.operationId());
        }
        boolean passed = false;
        try {
            assertTrue(operation.documentedErrorCodes(negative.expectedStatus()).contains(negative.expectedCode()),
                    "the contract does not document " + negative.expectedStatus() + " " + negative.expectedCode() + " for "
                            + operation.operationId() + ": it documents " + operation.documentedErrorCodes(negative.expectedStatus()));
            Answer answer = send(negative, credentials);
            answer.expectError(negative.expectedStatus(), negative.expectedCode());
            if (negative.expectedField() != null) {
                assertTrue(answer.details().has(negative.expectedField()),
                        answer.request() + ": details must name " + negative.expectedField() + "\n" + answer.body());
            }
            if (negative.credential() == NegativeCase.Credential.NARROW) {
                assertEquals(operation.requiredScope(), answer.details().path("required_scope").asText(), answer.body());
                assertTrue(answer.header("WWW-Authenticate").contains("scope=\"" + operation.requiredScope() + "\""),
                        answer.header("WWW-Authenticate"));
            }
            if (negative.request().body() != null && negative.request().body().contains(NegativeCaseGenerator.CARD_NUMBER)) {
                assertFalse(answer.body().contains(NegativeCaseGenerator.CARD_NUMBER), "the answer echoes the card number");
            }
            passed = true;
        } finally {
            Exchanges.global().check("generated", negative.constraint(), operation.operationId(), passed);
        }
    }

    private Answer send(NegativeCase negative, Credentials credentials) {
        Api api = target.api().rejectingInput();
        api = switch (negative.credential()) {
            case VALID -> negative.operation().secured() ? api.as(credentials.full()) : api.withoutToken();
            case NONE -> api.withoutToken();
            case UNKNOWN -> api.as(NegativeCaseGenerator.UNKNOWN_TOKEN);
            case MALFORMED -> api.withoutToken().withHeader("Authorization", "Basic Y29uZm9ybWFuY2U6c3VpdGU=");
            case NARROW -> api.as(credentials.narrow());
        };
        NegativeCase.Request request = negative.request();
        Api.Call call = api.call(negative.operation().method(), request.path());
        request.query().forEach(call::query);
        request.headers().forEach(call::header);
        if (request.body() != null) {
            call.rawBody(request.body(), request.contentType());
        }
        return call.send();
    }

    /** Logout, refresh and the token revocations act on the token they are called with. */
    private static boolean actsOnItsOwnToken(ContractOperation operation) {
        return operation.secured() && (operation.requiredScope() == null || operation.requiredScope().startsWith("tokens:"));
    }

    /**
     * The tokens cases use, made on first need: one account for the operations that leave tokens alone
     * (a fresh one on an emulator, the configured token's on a live server), and for each operation that
     * acts on its own token an account of its own on an emulator, a throwaway token on a live server, so
     * a case wrongly accepted cannot log the others out.
     */
    private final class Credentials {

        /** The operation acting on its own token these credentials are for; null for the shared ones. */
        private final ContractOperation operation;
        private Accounts.Account account;
        private String full;
        private String narrow;

        Credentials(ContractOperation operation) {
            this.operation = operation;
        }

        String full() {
            if (full == null) {
                full = target.isEmulator() || operation == null ? account().token()
                        : target.accounts().login(account(), List.of("*"));
            }
            return full;
        }

        String narrow() {
            if (narrow == null) {
                narrow = target.accounts().login(account(), List.of(UNRELATED_SCOPE));
            }
            return narrow;
        }

        private Accounts.Account account() {
            if (account == null) {
                account = target.accounts().own();
            }
            return account;
        }
    }
}
