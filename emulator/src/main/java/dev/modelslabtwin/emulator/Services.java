package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.time.DueWork;
import dev.modelslabtwin.emulator.time.EmulatedClock;

/**
 * What every capability of the emulator shares: the database, emulated time, the fake Stripe's
 * charges (with the fulfilments capabilities register on them), the work that falls due as emulated
 * time passes, and the fake publishable key.
 */
public record Services(Database database, EmulatedClock clock, PaymentIntents paymentIntents, DueWork dueWork,
                       String publishableKey) {
}
