package dev.modelslabtwin.emulator.routing;

import java.util.Optional;

/**
 * Turns a bearer token into its caller. Empty for a token that is unknown, revoked or expired; an
 * implementation may throw {@link ApiProblem} for a token whose account may not call at all.
 */
@FunctionalInterface
public interface Authenticator {

    Optional<Caller> authenticate(String bearerToken);
}
