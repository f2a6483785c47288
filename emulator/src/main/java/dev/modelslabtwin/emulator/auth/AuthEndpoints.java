package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.client.model.AccessToken;
import dev.modelslabtwin.client.model.LoginRequest;
import dev.modelslabtwin.client.model.LoginResponse;
import dev.modelslabtwin.client.model.LoginResult;
import dev.modelslabtwin.client.model.MessageResponse;
import dev.modelslabtwin.client.model.MessageResult;
import dev.modelslabtwin.client.model.RefreshTokenRequest;
import dev.modelslabtwin.client.model.RefreshTokenResponse;
import dev.modelslabtwin.client.model.RefreshTokenResult;
import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.client.model.ScopeListResponse;
import dev.modelslabtwin.client.model.SignupRequest;
import dev.modelslabtwin.client.model.SignupResponse;
import dev.modelslabtwin.client.model.SignupResult;
import dev.modelslabtwin.client.model.TokenExpiry;
import dev.modelslabtwin.client.model.TokenListResponse;
import dev.modelslabtwin.client.model.TokensRevoked;
import dev.modelslabtwin.client.model.TokensRevokedResponse;
import dev.modelslabtwin.client.model.User;
import dev.modelslabtwin.client.model.VerifyEmailRequest;
import dev.modelslabtwin.client.model.VerifyEmailResponse;
import dev.modelslabtwin.client.model.VerifyEmailResult;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.api.AuthApi;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Caller;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.emulator.stripe.StripeIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Auth operations: accounts, email verification and Sanctum-style bearer tokens. No email leaves
 * the emulator: the verification code is logged and readable from the control API instead.
 */
public final class AuthEndpoints implements AuthApi {

    private static final Logger MAIL = LoggerFactory.getLogger("dev.modelslabtwin.emulator.mail");
    private static final String DEFAULT_DEVICE = "agent-control-plane";

    private final Services services;

    public AuthEndpoints(Services services) {
        this.services = services;
    }

    @Override
    public SignupResponse signup(RequestContext context, SignupRequest request) {
        if (request.getPasswordConfirmation() != null && !request.getPasswordConfirmation().equals(request.getPassword())) {
            throw ApiProblem.validation(Map.of("password", List.of("The password confirmation does not match.")));
        }
        String email = Accounts.normalise(request.getEmail());
        String name = request.getName() != null ? request.getName() : email.substring(0, email.indexOf('@'));
        String code = StripeIds.random(40);
        Accounts.Account account = services.database().transaction(db -> {
            if (Accounts.byEmail(db, email).isPresent()) {
                throw ApiProblem.validation(Map.of("email", List.of("The email has already been taken.")));
            }
            Accounts.Account created = Accounts.create(db,
                    new Accounts.NewAccount(email, name, null, request.getPassword(), false, false), now());
            Sql.update(db, "UPDATE accounts SET verification_code = ? WHERE id = ?", code, created.id());
            return created;
        });
        MAIL.info("verification email to {}: verification_code {} (POST /api/agents/v1/auth/verify-email)", email, code);
        context.status(201);
        return new SignupResponse().data(new SignupResult()
                .message("Account created. Check your email for the verification link.")
                .user(user(account)));
    }

    @Override
    public VerifyEmailResponse verifyEmail(RequestContext context, VerifyEmailRequest request) {
        return services.database().transaction(db -> {
            long accountId = Sql.one(db, "SELECT id FROM accounts WHERE verification_code = ? AND NOT verified",
                            row -> row.getLong(1), request.getVerificationCode())
                    .orElseThrow(() -> ApiProblem.validation(Map.of("verification_code",
                            List.of("The verification code is invalid or has expired."))));
            Sql.update(db, "UPDATE accounts SET verified = TRUE, verification_code = NULL WHERE id = ?", accountId);
            Accounts.Account account = Accounts.find(db, accountId).orElseThrow();
            Issued issued = issue(db, account.id(), DEFAULT_DEVICE, Set.of("*"), TokenExpiry._1_MONTH);
            return new VerifyEmailResponse().data(new VerifyEmailResult()
                    .message("Email verified successfully.")
                    .user(user(account))
                    .apiKey(apiKey(db, account.id()))
                    .accessToken(issued.plainText()).tokenType(VerifyEmailResult.TokenTypeEnum.BEARER)
                    .tokenExpiry(issued.expiry()).expiresAt(issued.expiresAt()).tokenLifetimeCapped(false)
                    .scopes(issued.scopes()));
        });
    }

    @Override
    public VerifyEmailResponse verifyEmailAlias(RequestContext context, VerifyEmailRequest request) {
        return verifyEmail(context, request);
    }

    @Override
    public LoginResponse login(RequestContext context, LoginRequest request) {
        TokenExpiry expiry = request.getTokenExpiry() != null ? request.getTokenExpiry()
                : request.getExpiry() != null ? request.getExpiry() : TokenExpiry._1_MONTH;
        Set<String> scopes = request.getScopes() == null || request.getScopes().isEmpty() ? Set.of("*")
                : request.getScopes().stream().map(Scope::getValue).collect(Collectors.toSet());
        String device = request.getDeviceName() == null || request.getDeviceName().isBlank() ? DEFAULT_DEVICE
                : request.getDeviceName();
        return services.database().transaction(db -> {
            Accounts.Account account = Accounts.byEmail(db, request.getEmail()).orElse(null);
            if (account == null || !Accounts.passwordMatches(db, account.id(), request.getPassword())) {
                throw new ApiProblem(401, "invalid_credentials", "These credentials do not match our records.", Map.of());
            }
            if (!account.verified()) {
                throw new ApiProblem(403, "email_not_verified", "Verify your email address before logging in.", Map.of());
            }
            if (account.disabled()) {
                throw new ApiProblem(403, "access_denied", "This account is disabled. Contact support@modelslab.com.", Map.of());
            }
            Issued issued = issue(db, account.id(), device, scopes, expiry);
            return new LoginResponse().data(new LoginResult()
                    .user(user(account)).apiKey(apiKey(db, account.id()))
                    .accessToken(issued.plainText()).tokenType(LoginResult.TokenTypeEnum.BEARER)
                    .tokenExpiry(issued.expiry()).expiresAt(issued.expiresAt()).tokenLifetimeCapped(false)
                    .scopes(issued.scopes()));
        });
    }

    @Override
    public RefreshTokenResponse refreshToken(RequestContext context, RefreshTokenRequest request) {
        Caller caller = context.caller();
        TokenExpiry expiry = request != null && request.getTokenExpiry() != null ? request.getTokenExpiry() : TokenExpiry._1_MONTH;
        return services.database().transaction(db -> {
            AccessTokens.Token current = AccessTokens.live(db, caller.accountId(), now()).stream()
                    .filter(token -> token.id() == caller.tokenId()).findFirst()
                    .orElseThrow(() -> new ApiProblem(401, "unauthenticated", "Unauthenticated.", Map.of()));
            String device = request != null && request.getDeviceName() != null && !request.getDeviceName().isBlank()
                    ? request.getDeviceName() : current.name();
            Issued issued = issue(db, caller.accountId(), device, current.scopes(), expiry);
            AccessTokens.revoke(db, caller.accountId(), caller.tokenId(), now());
            return new RefreshTokenResponse().data(new RefreshTokenResult()
                    .message("Token refreshed. The previous token no longer works.")
                    .accessToken(issued.plainText()).tokenType(RefreshTokenResult.TokenTypeEnum.BEARER)
                    .tokenExpiry(issued.expiry()).expiresAt(issued.expiresAt()).tokenLifetimeCapped(false)
                    .scopes(issued.scopes()));
        });
    }

    @Override
    public MessageResponse logout(RequestContext context) {
        Caller caller = context.caller();
        services.database().transaction(db -> AccessTokens.revoke(db, caller.accountId(), caller.tokenId(), now()));
        return new MessageResponse().data(new MessageResult().message("Logged out. This token no longer works."));
    }

    @Override
    public TokensRevokedResponse logoutAll(RequestContext context) {
        int revoked = services.database().transaction(db ->
                AccessTokens.revokeAllExcept(db, context.accountId(), 0, now()));
        return revoked("Logged out everywhere. Every token of this account, this one included, no longer works.", revoked);
    }

    @Override
    public TokensRevokedResponse revokeOtherTokens(RequestContext context) {
        Caller caller = context.caller();
        int revoked = services.database().transaction(db ->
                AccessTokens.revokeAllExcept(db, caller.accountId(), caller.tokenId(), now()));
        return revoked("Every other token of this account was revoked.", revoked);
    }

    @Override
    public TokensRevokedResponse revokeToken(RequestContext context, Long id) {
        boolean revoked = services.database().transaction(db -> AccessTokens.revoke(db, context.accountId(), id, now()));
        if (!revoked) {
            throw new ApiProblem(404, "not_found", "No such token: " + id + ".", Map.of("id", id));
        }
        return revoked("Token " + id + " was revoked.", 1);
    }

    @Override
    public TokenListResponse listTokens(RequestContext context) {
        Caller caller = context.caller();
        List<AccessTokens.Token> tokens = services.database().transaction(db -> AccessTokens.live(db, caller.accountId(), now()));
        return new TokenListResponse().data(tokens.stream().map(token -> new AccessToken()
                .id(token.id()).name(token.name())
                .scopes(token.scopes().stream().map(Scope::fromValue).toList())
                .current(token.id() == caller.tokenId())
                .lastUsedAt(time(token.lastUsedAt())).createdAt(time(token.createdAt())).expiresAt(time(token.expiresAt())))
                .toList());
    }

    @Override
    public ScopeListResponse listScopes(RequestContext context) {
        return new ScopeListResponse().data(ScopeCatalogue.all());
    }

    private record Issued(String plainText, TokenExpiry expiry, OffsetDateTime expiresAt, List<Scope> scopes) {
    }

    private Issued issue(Connection db, long accountId, String device, Set<String> scopes, TokenExpiry expiry) {
        Instant now = now();
        Instant expiresAt = TokenLifetime.expiresAt(expiry, now);
        AccessTokens.Issued issued = AccessTokens.issue(db, accountId, device, scopes, now, expiresAt);
        return new Issued(issued.plainText(), expiry, time(expiresAt),
                new TreeSet<>(scopes).stream().map(Scope::fromValue).toList());
    }

    private static TokensRevokedResponse revoked(String message, int count) {
        return new TokensRevokedResponse().data(new TokensRevoked().message(message).revokedCount(count));
    }

    private static String apiKey(Connection db, long accountId) {
        return Sql.one(db, "SELECT api_key FROM accounts WHERE id = ?", row -> row.getString(1), accountId).orElse(null);
    }

    private static User user(Accounts.Account account) {
        return new User().id(account.id()).name(account.name()).email(account.email())
                .username(account.username()).verified(account.verified());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private Instant now() {
        return services.clock().instant();
    }
}
