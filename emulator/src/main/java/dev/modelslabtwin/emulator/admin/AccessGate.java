package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.routing.ApiProblem;
import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may use the control API: it moves money and reads every request without a bearer token, so
 * loopback callers only — unless the emulator was given an admin token, which then opens it to
 * anyone who sends it (a CI job calling an emulator container, for instance).
 */
public final class AccessGate {

    private static final String REALM = "Bearer realm=\"modelslab-emulator\"";

    private final byte[] adminToken;

    /** {@code adminToken}: null or blank keeps the control API to loopback callers. */
    public AccessGate(String adminToken) {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns for a caller the control API answers; throws the {@link ApiProblem} (401, 403) otherwise. */
    public void check(Context http) {
        // The socket's peer, never a forwarding header a caller could forge.
        if (isLoopback(http.req().getRemoteAddr())) {
            return;
        }
        if (adminToken == null) {
            throw new ApiProblem(403, "access_denied", "The control API answers loopback callers only. Start the "
                    + "emulator with --admin-token (or MODELSLAB_EMULATOR_ADMIN_TOKEN) to open it to others.", Map.of());
        }
        String authorization = http.header("Authorization");
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (presented == null || !MessageDigest.isEqual(adminToken, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(401, "unauthenticated", "Send the emulator's admin token as Authorization: Bearer <token>.",
                    Map.of(), Map.of("WWW-Authenticate", REALM));
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
