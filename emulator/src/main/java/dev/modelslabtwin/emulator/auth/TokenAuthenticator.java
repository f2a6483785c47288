package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Authenticator;
import dev.modelslabtwin.emulator.routing.Caller;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Bearer tokens checked against the token table at the emulated time; disabled accounts are refused. */
public final class TokenAuthenticator implements Authenticator {

    private final Database database;
    private final Clock clock;

    public TokenAuthenticator(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(String bearerToken) {
        return database.transaction(db -> {
            Optional<AccessTokens.Token> token = AccessTokens.authenticate(db, bearerToken, clock.instant());
            if (token.isEmpty()) {
                return Optional.empty();
            }
            Accounts.Account account = Accounts.find(db, token.get().accountId()).orElse(null);
            if (account == null) {
                return Optional.empty();
            }
            if (account.disabled()) {
                throw new ApiProblem(403, "access_denied", "This account is disabled. Contact support@modelslab.com.",
                        Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"modelslab\", error=\"invalid_token\", "
                                + "error_description=\"account disabled\""));
            }
            return Optional.of(new Caller(account.id(), token.get().id(), token.get().scopes()));
        });
    }
}
