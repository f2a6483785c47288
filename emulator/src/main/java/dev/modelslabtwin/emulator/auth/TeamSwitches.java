package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.client.model.SwitchAccountRequest;
import dev.modelslabtwin.client.model.SwitchAccountResponse;
import dev.modelslabtwin.client.model.SwitchAccountResult;
import dev.modelslabtwin.client.model.TokenExpiry;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Caller;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code POST /auth/switch-account}: a token for a team account the caller belongs to, named by
 * {@code account_username} (guide, MCP) or {@code team_member_id} (CLI), whose scopes never exceed the
 * calling token's (scopes.mdx); with neither, back to the account a switched token came from (CLI).
 */
final class TeamSwitches {

    private final Services services;

    TeamSwitches(Services services) {
        this.services = services;
    }

    SwitchAccountResponse switchAccount(Caller caller, SwitchAccountRequest request) {
        Set<String> scopes = scopesFor(caller, request.getScopes());
        TokenExpiry expiry = request.getTokenExpiry() != null ? request.getTokenExpiry() : TokenExpiry._1_MONTH;
        return services.database().transaction(db -> {
            Instant now = services.clock().instant();
            Target target = target(db, caller, request);
            Accounts.Account account = Accounts.find(db, target.accountId()).orElseThrow();
            String device = request.getDeviceName() != null && !request.getDeviceName().isBlank() ? request.getDeviceName()
                    : AccessTokens.live(db, caller.accountId(), now).stream().filter(token -> token.id() == caller.tokenId())
                            .map(AccessTokens.Token::name).findFirst().orElse("agent-control-plane");
            Instant expiresAt = TokenLifetime.expiresAt(expiry, now);
            AccessTokens.Issued token = target.back()
                    ? AccessTokens.issue(db, account.id(), device, scopes, now, expiresAt)
                    : AccessTokens.issueSwitched(db, account.id(), device, scopes, now, expiresAt, caller.accountId());
            AuthEndpoints.Issued issued = AuthEndpoints.issued(token, expiry);
            String name = account.username() != null ? account.username() : account.email();
            return new SwitchAccountResponse().data(new SwitchAccountResult()
                    .message(target.back() ? "Switched back to the account " + name + "." : "Switched to the account " + name + ".")
                    .accessToken(issued.plainText()).token(issued.plainText())
                    .tokenType(SwitchAccountResult.TokenTypeEnum.BEARER)
                    .tokenExpiry(issued.expiry()).expiresAt(issued.expiresAt()).tokenLifetimeCapped(false)
                    .scopes(issued.scopes())
                    .user(AuthEndpoints.user(account)));
        });
    }

    /** The account to switch to, and whether it is a switch back to where a switched token came from. */
    private record Target(long accountId, boolean back) {
    }

    private static Target target(Connection db, Caller caller, SwitchAccountRequest request) {
        String username = request.getAccountUsername();
        String memberId = request.getTeamMemberId();
        if (username == null && memberId == null) {
            return AccessTokens.switchedFrom(db, caller.tokenId()).map(from -> new Target(from, true))
                    .orElseThrow(() -> ApiProblem.validation(Map.of("account_username",
                            List.of("The account username field is required when team member id is not present."))));
        }
        Optional<Teams.Membership> byName = username == null ? Optional.empty()
                : Optional.of(Teams.byTeamUsername(db, caller.accountId(), username).orElseThrow(() -> notAMember(
                        "a team account named " + username, "account_username", username)));
        Optional<Teams.Membership> byId = memberId == null ? Optional.empty()
                : Optional.of(Teams.byId(db, caller.accountId(), Long.parseLong(memberId)).orElseThrow(() -> notAMember(
                        "a team by the membership id " + memberId, "team_member_id", memberId)));
        if (byName.isPresent() && byId.isPresent() && byName.get().id() != byId.get().id()) {
            throw ApiProblem.validation(Map.of("team_member_id",
                    List.of("The team member id and the account username name different team accounts.")));
        }
        return new Target(byName.or(() -> byId).orElseThrow().teamAccountId(), false);
    }

    /** The scopes asked for, each one held by the caller (403 for the first that is not), or the caller's own. */
    private static Set<String> scopesFor(Caller caller, Collection<Scope> requested) {
        if (requested == null || requested.isEmpty()) {
            return caller.scopes();
        }
        Set<String> scopes = requested.stream().map(Scope::getValue).collect(Collectors.toCollection(TreeSet::new));
        for (String scope : scopes) {
            if (!caller.grants(scope)) {
                throw ApiProblem.insufficientScope(scope, caller.scopes());
            }
        }
        return scopes;
    }

    private static ApiProblem notAMember(String what, String field, String value) {
        return new ApiProblem(404, "not_found", "You are not a member of " + what + ".", Map.of(field, value));
    }
}
