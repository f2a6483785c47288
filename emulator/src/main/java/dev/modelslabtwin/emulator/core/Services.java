package dev.modelslabtwin.emulator.core;

import dev.modelslabtwin.emulator.db.Database;

/**
 * What every capability of the emulator shares: the database, emulated time and the fake Stripe
 * account's publishable key. This package sits below every capability and imports nothing of the
 * emulator but the database it hands out.
 */
public record Services(Database database, EmulatedClock clock, String publishableKey) {
}
