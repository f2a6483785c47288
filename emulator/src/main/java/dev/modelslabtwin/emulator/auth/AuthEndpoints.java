package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.Services;
import dev.modelslabtwin.emulator.api.AuthApi;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.client.model.ErrorEnvelope;
import dev.modelslabtwin.client.model.LoginRequest;
import dev.modelslabtwin.client.model.LoginResponse;
import dev.modelslabtwin.client.model.MessageResponse;
import dev.modelslabtwin.client.model.RefreshTokenRequest;
import dev.modelslabtwin.client.model.RefreshTokenResponse;
import dev.modelslabtwin.client.model.ScopeListResponse;
import dev.modelslabtwin.client.model.SignupRequest;
import dev.modelslabtwin.client.model.SignupResponse;
import dev.modelslabtwin.client.model.TokenListResponse;
import dev.modelslabtwin.client.model.TokensRevokedResponse;
import dev.modelslabtwin.client.model.VerifyEmailRequest;
import dev.modelslabtwin.client.model.VerifyEmailResponse;

/** The Auth operations. */
public final class AuthEndpoints implements AuthApi {

    private final Services services;

    public AuthEndpoints(Services services) {
        this.services = services;
    }

    @Override
    public ScopeListResponse listScopes(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public TokenListResponse listTokens(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public LoginResponse login(RequestContext context, LoginRequest loginRequest) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public MessageResponse logout(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public TokensRevokedResponse logoutAll(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public RefreshTokenResponse refreshToken(RequestContext context, RefreshTokenRequest refreshTokenRequest) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public TokensRevokedResponse revokeOtherTokens(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public TokensRevokedResponse revokeToken(RequestContext context, Long id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SignupResponse signup(RequestContext context, SignupRequest signupRequest) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public VerifyEmailResponse verifyEmail(RequestContext context, VerifyEmailRequest verifyEmailRequest) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public VerifyEmailResponse verifyEmailAlias(RequestContext context, VerifyEmailRequest verifyEmailRequest) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
