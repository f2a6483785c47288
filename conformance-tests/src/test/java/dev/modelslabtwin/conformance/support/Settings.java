package dev.modelslabtwin.conformance.support;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a run was told: {@code -Dconformance.*} system properties first, then the environment variables
 * the official CLI reads ({@code MODELSLAB_BASE_URL}, {@code MODELSLAB_TOKEN}). Nothing here is ever
 * printed but the base URL and the flags: tokens and passwords stay out of reports.
 */
public record Settings(
        String target,
        String baseUrl,
        String token,
        String secondToken,
        String email,
        String password,
        boolean allowAccountChanges,
        boolean allowMoneyMovement,
        String paymentMethodId,
        String couponCode,
        long seed,
        Path reportDirectory,
        String mcpUrl) {

    /** The default seed of the generated cases; {@code -Dconformance.seed} replays another run. */
    public static final long DEFAULT_SEED = 20_260_220L;

    public static Settings fromEnvironment() {
        return new Settings(
                read("conformance.target", null).toLowerCase(Locale.ROOT),
                read("conformance.baseUrl", "MODELSLAB_BASE_URL"),
                read("conformance.token", "MODELSLAB_TOKEN"),
                read("conformance.secondToken", "MODELSLAB_SECOND_TOKEN"),
                read("conformance.email", "MODELSLAB_EMAIL"),
                read("conformance.password", "MODELSLAB_PASSWORD"),
                Boolean.parseBoolean(read("conformance.allowAccountChanges", null)),
                Boolean.parseBoolean(read("conformance.allowMoneyMovement", null)),
                read("conformance.paymentMethodId", null),
                read("conformance.couponCode", null),
                read("conformance.seed", null).isEmpty() ? DEFAULT_SEED : Long.parseLong(read("conformance.seed", null)),
                Path.of(read("conformance.reportDirectory", null).isEmpty() ? "target" : read("conformance.reportDirectory", null)),
                read("conformance.mcpUrl", "MODELSLAB_MCP_URL"));
    }

    /** Whether the run targets a server somewhere else rather than the emulator it starts itself. */
    public boolean remote() {
        return switch (target) {
            case "emulator" -> false;
            case "remote", "live" -> true;
            default -> !baseUrl.isEmpty();
        };
    }

    public boolean hasToken() {
        return !token.isEmpty();
    }

    private static String read(String property, String environment) {
        String value = System.getProperty(property);
        if ((value == null || value.isBlank()) && environment != null) {
            value = System.getenv(environment);
        }
        return value == null ? "" : value.trim();
    }
}
