package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.util.Map;

/**
 * A refusal that follows a failed card charge: like {@code CardDeclined}, its transaction still
 * commits, so the failed PaymentIntent (and the failed ledger entry, if any) stay on record.
 */
final class ProblemAfterFailedCharge extends ApiProblem implements Database.CommitsWorkDone {

    ProblemAfterFailedCharge(int status, String code, String message, Map<String, ?> details) {
        super(status, code, message, details);
    }
}
