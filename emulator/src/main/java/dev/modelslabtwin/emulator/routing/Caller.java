package dev.modelslabtwin.emulator.routing;

import java.util.Set;

/** Who is calling: the account and the bearer token it presented, with that token's scopes. */
public record Caller(long accountId, long tokenId, Set<String> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean grants(String scope) {
        return scopes.contains("*") || scopes.contains(scope);
    }
}
