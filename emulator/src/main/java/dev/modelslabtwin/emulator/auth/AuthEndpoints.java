package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.client.model.AccessToken;
import dev.modelslabtwin.client.model.EmailRequest;
import dev.modelslabtwin.client.model.LoginRequest;
import dev.modelslabtwin.client.model.LoginResponse;
import dev.modelslabtwin.client.model.LoginResult;
import dev.modelslabtwin.client.model.MessageResponse;
import dev.modelslabtwin.client.model.MessageResult;
import dev.modelslabtwin.client.model.RefreshTokenRequest;
import dev.modelslabtwin.client.model.RefreshTokenResponse;
import dev.modelslabtwin.client.model.RefreshTokenResult;
import dev.modelslabtwin.client.model.ResetPasswordRequest;
import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.client.model.ScopeListResponse;
import dev.modelslabtwin.client.model.SignupRequest;
import dev.modelslabtwin.client.model.SignupResponse;
import dev.modelslabtwin.client.model.SignupResult;
import dev.modelslabtwin.client.model.SwitchAccountRequest;
import dev.modelslabtwin.client.model.SwitchAccountResponse;
import dev.modelslabtwin.client.model.TokenExpiry;
import dev.modelslabtwin.client.model.TokenListResponse;
import dev.modelslabtwin.client.model.TokensRevoked;
import dev.modelslabtwin.client.model.TokensRevokedResponse;
import dev.modelslabtwin.client.model.User;
import dev.modelslabtwin.client.model.VerifyEmailRequest;
import dev.modelslabtwin.client.model.VerifyEmailResponse;
import dev.modelslabtwin.client.model.VerifyEmailResult;
import dev.modelslabtwin.client.model.VerifyLinkResponse;
import dev.modelslabtwin.client.model.VerifyLinkResult;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.api.AuthApi;
import dev.modelslabtwin.emulator.mail.Mailbox;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Caller;
import dev.modelslabtwin.emulator.routing.RequestContext;

import java.sql.Connection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Auth operations: accounts, email verification, password resets and Sanctum-style bearer tokens.
 * No email leaves the emulator: each one is delivered to the emulator's {@link Mailbox}, which the
 * control API shows.
 */
public final class AuthEndpoints implements AuthApi {

    private static final String DEFAULT_DEVICE = "agent-control-plane";
    private static final String VERIFIED_PAGE = "/email/verified";
    private static final String FAILED_PAGE = "/email/verification-failed";

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
        record SignedUp(Accounts.Account account, Mailbox.Mail mail) {
        }
        SignedUp signedUp = services.database().transaction(db -> {
            if (Accounts.byEmail(db, email).isPresent()) {
                throw ApiProblem.validation(Map.of("email", List.of("The email has already been taken.")));
            }
            Accounts.Account created = Accounts.create(db,
                    new Accounts.NewAccount(email, name, null, request.getPassword(), false, false), now());
            String code = EmailVerification.newCode(db, created.id());
            return new SignedUp(created, AccountEmails.verification(db, created, code, context.publicRoot(), now()));
        });
        Mailbox.announce(signedUp.mail());
        context.status(201);
        return new SignupResponse().data(new SignupResult()
                .message("Account created. Check your email for the verification link.")
                .user(user(signedUp.account())));
    }

    @Override
    public MessageResponse resendVerification(RequestContext context, EmailRequest request) {
        Optional<Mailbox.Mail> sent = services.database().transaction(db -> Accounts.byEmail(db, request.getEmail())
                .filter(account -> !account.verified())
                .map(account -> AccountEmails.verification(db, account, EmailVerification.newCode(db, account.id()),
                        context.publicRoot(), now())));
        sent.ifPresent(Mailbox::announce);
        return message("If an account with this email address is waiting for verification, a new verification email "
                + "is on its way.");
    }

    @Override
    public MessageResponse forgotPassword(RequestContext context, EmailRequest request) {
        Optional<Mailbox.Mail> sent = services.database().transaction(db -> Accounts.byEmail(db, request.getEmail())
                .flatMap(account -> PasswordResets.issue(db, account.email(), now())
                        .map(token -> AccountEmails.passwordReset(db, account, token, now()))));
        sent.ifPresent(Mailbox::announce);
        return message("If an account with this email address exists, a password reset email is on its way.");
    }

    @Override
    public MessageResponse resetPassword(RequestContext context, ResetPasswordRequest request) {
        if (!request.getPasswordConfirmation().equals(request.getPassword())) {
            throw ApiProblem.validation(Map.of("password", List.of("The password confirmation does not match.")));
        }
        String email = Accounts.normalise(request.getEmail());
        services.database().transaction(db -> {
            Accounts.Account account = Accounts.byEmail(db, email)
                    .filter(known -> PasswordResets.redeem(db, known.email(), request.getToken(), now()))
                    .orElseThrow(() -> ApiProblem.validation(Map.of("token", List.of("This password reset token is invalid."))));
            Accounts.setPassword(db, account.id(), request.getPassword());
            return null;
        });
        return message("Your password has been reset.");
    }

    @Override
    public VerifyEmailResponse verifyEmail(RequestContext context, VerifyEmailRequest request) {
        return services.database().transaction(db -> {
            Accounts.Account account = EmailVerification.verify(db, request.getVerificationCode())
                    .orElseThrow(() -> ApiProblem.validation(Map.of("verification_code",
                            List.of("The verification code is invalid or has expired."))));
            Issued issued = issue(db, account.id(), DEFAULT_DEVICE, Set.of("*"), TokenExpiry._1_MONTH);
            return new VerifyEmailResponse().data(new VerifyEmailResult()
                    .message("Email verified successfully.")
                    .user(user(account))
                    .apiKey(Accounts.apiKey(db, account.id()))
                    .accessToken(issued.plainText()).tokenType(VerifyEmailResult.TokenTypeEnum.BEARER)
                    .tokenExpiry(issued.expiry()).expiresAt(issued.expiresAt()).tokenLifetimeCapped(false)
                    .scopes(issued.scopes()));
        });
    }

    /**
     * The verification email's link: JSON for a client that asks for it, else a redirect to a page
     * saying whether it worked, as a browser following the link expects.
     */
    @Override
    public VerifyLinkResponse verifyEmailLink(RequestContext context, String token) {
        Optional<Accounts.Account> verified = services.database().transaction(db -> EmailVerification.verify(db, token));
        if (!JsonMode.requested(context.header("Accept"), context.header("X-Requested-With"))) {
            context.redirect(context.publicRoot() + (verified.isPresent() ? VERIFIED_PAGE : FAILED_PAGE));
            return null;
        }
        Accounts.Account account = verified.orElseThrow(() -> new ApiProblem(404, "not_found",
                "This verification link is invalid or has already been used.", Map.of()));
        return new VerifyLinkResponse().data(new VerifyLinkResult().message("Email verified successfully.").user(user(account)));
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
                    .user(user(account)).apiKey(Accounts.apiKey(db, account.id()))
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
                    .message("Token refreshed successfully. Previous token has been revoked.")
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

    @Override
    public SwitchAccountResponse switchAccount(RequestContext context, SwitchAccountRequest request) {
        return new TeamSwitches(services).switchAccount(context.caller(), request == null ? new SwitchAccountRequest() : request);
    }

    record Issued(String plainText, TokenExpiry expiry, OffsetDateTime expiresAt, List<Scope> scopes) {
    }

    private Issued issue(Connection db, long accountId, String device, Set<String> scopes, TokenExpiry expiry) {
        Instant now = now();
        return issued(AccessTokens.issue(db, accountId, device, scopes, now, TokenLifetime.expiresAt(expiry, now)), expiry);
    }

    /** What an answer says of a token just issued with {@code expiry}. */
    static Issued issued(AccessTokens.Issued issued, TokenExpiry expiry) {
        return new Issued(issued.plainText(), expiry, time(issued.token().expiresAt()),
                new TreeSet<>(issued.token().scopes()).stream().map(Scope::fromValue).toList());
    }

    private static MessageResponse message(String text) {
        return new MessageResponse().data(new MessageResult().message(text));
    }

    private static TokensRevokedResponse revoked(String message, int count) {
        return new TokensRevokedResponse().data(new TokensRevoked().message(message).revokedCount(count));
    }

    static User user(Accounts.Account account) {
        return new User().id(account.id()).name(account.name()).email(account.email())
                .username(account.username()).verified(account.verified());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private Instant now() {
        return services.clock().instant();
    }
}
