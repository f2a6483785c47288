package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.util.Map;

/**
 * A refusal that follows a failed or unfinished card charge: like {@code CardDeclined}, its transaction
 * still commits, so the PaymentIntent (failed, or awaiting 3D Secure a person may still complete) and
 * the failed ledger entry, if any, stay on record.
 */
public final class ProblemAfterFailedCharge extends ApiProblem implements Database.CommitsWorkDone {

    public ProblemAfterFailedCharge(int status, String code, String message, Map<String, ?> details) {
        super(status, code, message, details);
    }
}
