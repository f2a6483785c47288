package dev.modelslabtwin.emulator.stripe.api;

/**
 * Whose rights a fake Stripe request has. Agents hold only the publishable key ModelsLab hands out; the
 * secret key's view — what ModelsLab's own server sees — is open to tests and tools through the control
 * API ({@code /_emulator/stripe/v1/...}), never under {@code /v1}.
 */
enum Access {
    /** The publishable key: tokenisation, and intents through their client secret (a subset of their fields). */
    PUBLISHABLE,
    /** The fake Stripe account's secret key, as ModelsLab's server holds it: every object, in full. */
    SECRET
}
