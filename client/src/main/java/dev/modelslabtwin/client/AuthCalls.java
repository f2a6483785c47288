package dev.modelslabtwin.client;

import dev.modelslabtwin.client.api.AuthApi;
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
import dev.modelslabtwin.client.model.ScopeInfo;
import dev.modelslabtwin.client.model.ScopeListResponse;
import dev.modelslabtwin.client.model.SignupRequest;
import dev.modelslabtwin.client.model.SignupResponse;
import dev.modelslabtwin.client.model.SignupResult;
import dev.modelslabtwin.client.model.SwitchAccountRequest;
import dev.modelslabtwin.client.model.SwitchAccountResponse;
import dev.modelslabtwin.client.model.SwitchAccountResult;
import dev.modelslabtwin.client.model.TokenListResponse;
import dev.modelslabtwin.client.model.TokensRevoked;
import dev.modelslabtwin.client.model.TokensRevokedResponse;
import dev.modelslabtwin.client.model.VerifyEmailRequest;
import dev.modelslabtwin.client.model.VerifyEmailResponse;
import dev.modelslabtwin.client.model.VerifyEmailResult;
import dev.modelslabtwin.client.model.VerifyLinkResponse;
import dev.modelslabtwin.client.model.VerifyLinkResult;

import java.util.List;
import java.util.Objects;

/**
 * Accounts and bearer tokens. Signup, verification, password resets, login and the scope list work without a token.
 * None of these mutations takes an {@code Idempotency-Key}, so they are retried only on 429, never after
 * a 5xx or a lost connection: a repeated login would mint a second token. Calls that issue a token do
 * not switch this client over to it; use {@link ModelsLabClient#withToken(String)}.
 */
public final class AuthCalls {

    private final AuthApi api;
    private final AuthApi siteRoot;
    private final CallRunner runner;

    /** {@code siteRoot}: the same calls resolved against the host root, for the verification link. */
    AuthCalls(AuthApi api, AuthApi siteRoot, CallRunner runner) {
        this.api = api;
        this.siteRoot = siteRoot;
        this.runner = runner;
    }

    /** Creates an account and sends the verification email; no token yet. */
    public SignupResult signup(String email, String password, String name) {
        return signup(new SignupRequest()
                .email(Objects.requireNonNull(email, "email"))
                .password(Objects.requireNonNull(password, "password"))
                .name(name));
    }

    public SignupResult signup(SignupRequest request) {
        Objects.requireNonNull(request, "request");
        return runner.unkeyedWrite("signup", () -> api.signupWithHttpInfo(request), SignupResponse::getData);
    }

    /** Verifies the email with the code from the email's link and returns the first token. */
    public VerifyEmailResult verifyEmail(String verificationCode) {
        VerifyEmailRequest request = verificationRequest(verificationCode);
        return runner.unkeyedWrite("verifyEmail", () -> api.verifyEmailWithHttpInfo(request), VerifyEmailResponse::getData);
    }

    /** The same as {@link #verifyEmail}, at {@code /auth/verify}: the path the live endpoint table names. */
    public VerifyEmailResult verifyEmailAlias(String verificationCode) {
        VerifyEmailRequest request = verificationRequest(verificationCode);
        return runner.unkeyedWrite("verifyEmailAlias", () -> api.verifyEmailAliasWithHttpInfo(request),
                VerifyEmailResponse::getData);
    }

    /**
     * Follows the verification email's link ({@code GET /verify/{token}} at the site root) as a JSON
     * client: verifies the address and answers the user, without a token (log in afterwards).
     */
    public VerifyLinkResult verifyEmailLink(String token) {
        Objects.requireNonNull(token, "token");
        // A GET that changes state (the code is used up): retried like a write, on 429 only.
        return runner.unkeyedWrite("verifyEmailLink", () -> siteRoot.verifyEmailLinkWithHttpInfo(token), VerifyLinkResponse::getData);
    }

    /** Sends the verification email again (a new code); answers alike whether the address is registered or not. */
    public MessageResult resendVerification(String email) {
        EmailRequest request = new EmailRequest().email(Objects.requireNonNull(email, "email"));
        return runner.unkeyedWrite("resendVerification", () -> api.resendVerificationWithHttpInfo(request), MessageResponse::getData);
    }

    /** Emails a password reset token; answers alike whether the address is registered or not. */
    public MessageResult forgotPassword(String email) {
        EmailRequest request = new EmailRequest().email(Objects.requireNonNull(email, "email"));
        return runner.unkeyedWrite("forgotPassword", () -> api.forgotPasswordWithHttpInfo(request), MessageResponse::getData);
    }

    /** Sets a new password with the token of the reset email (the confirmation is the password itself). */
    public MessageResult resetPassword(String email, String token, String newPassword) {
        Objects.requireNonNull(newPassword, "newPassword");
        return resetPassword(new ResetPasswordRequest().email(Objects.requireNonNull(email, "email"))
                .token(Objects.requireNonNull(token, "token")).password(newPassword).passwordConfirmation(newPassword));
    }

    public MessageResult resetPassword(ResetPasswordRequest request) {
        Objects.requireNonNull(request, "request");
        return runner.unkeyedWrite("resetPassword", () -> api.resetPasswordWithHttpInfo(request), MessageResponse::getData);
    }

    /** A token for the team account called {@code accountUsername}, with this token's scopes. */
    public SwitchAccountResult switchAccount(String accountUsername) {
        return switchAccount(new SwitchAccountRequest().accountUsername(Objects.requireNonNull(accountUsername, "accountUsername")));
    }

    /** A token for a team account, by username or membership id, with scopes, lifetime and name as asked. */
    public SwitchAccountResult switchAccount(SwitchAccountRequest request) {
        Objects.requireNonNull(request, "request");
        return runner.unkeyedWrite("switchAccount", () -> api.switchAccountWithHttpInfo(request), SwitchAccountResponse::getData);
    }

    /** With a token a switch issued: a token for the account it was switched from. */
    public SwitchAccountResult switchBack() {
        return switchAccount(new SwitchAccountRequest());
    }

    /** Logs in for a full-access token with the default lifetime. */
    public LoginResult login(String email, String password) {
        return login(new LoginRequest()
                .email(Objects.requireNonNull(email, "email"))
                .password(Objects.requireNonNull(password, "password")));
    }

    /** Logs in with a device name, lifetime or least-privilege scopes. */
    public LoginResult login(LoginRequest request) {
        Objects.requireNonNull(request, "request");
        return runner.unkeyedWrite("login", () -> api.loginWithHttpInfo(request), LoginResponse::getData);
    }

    /** Swaps the calling token for a new one with the same scopes; the old token stops working. */
    public RefreshTokenResult refresh() {
        return refresh(new RefreshTokenRequest());
    }

    public RefreshTokenResult refresh(RefreshTokenRequest request) {
        RefreshTokenRequest body = request == null ? new RefreshTokenRequest() : request;
        return runner.unkeyedWrite("refreshToken", () -> api.refreshTokenWithHttpInfo(body), RefreshTokenResponse::getData);
    }

    /** Revokes the calling token. */
    public MessageResult logout() {
        return runner.unkeyedWrite("logout", api::logoutWithHttpInfo, MessageResponse::getData);
    }

    /** Revokes every token of the account, the calling one included. */
    public TokensRevoked logoutAll() {
        return runner.unkeyedWrite("logoutAll", api::logoutAllWithHttpInfo, TokensRevokedResponse::getData);
    }

    /** Every live token with its scopes. */
    public List<AccessToken> tokens() {
        return runner.read("listTokens", api::listTokensWithHttpInfo, TokenListResponse::getData);
    }

    /** Revokes one token by the id {@link #tokens()} lists. */
    public TokensRevoked revokeToken(long tokenId) {
        return runner.unkeyedWrite("revokeToken", () -> api.revokeTokenWithHttpInfo(tokenId), TokensRevokedResponse::getData);
    }

    /** Revokes every token but the calling one. */
    public TokensRevoked revokeOtherTokens() {
        return runner.unkeyedWrite("revokeOtherTokens", api::revokeOtherTokensWithHttpInfo, TokensRevokedResponse::getData);
    }

    /** The scopes a token can be granted; public. */
    public List<ScopeInfo> scopes() {
        return runner.read("listScopes", api::listScopesWithHttpInfo, ScopeListResponse::getData);
    }

    private static VerifyEmailRequest verificationRequest(String verificationCode) {
        return new VerifyEmailRequest().verificationCode(Objects.requireNonNull(verificationCode, "verificationCode"));
    }
}
