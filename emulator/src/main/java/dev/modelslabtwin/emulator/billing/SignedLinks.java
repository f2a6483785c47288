package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.DatabaseSecrets;
import dev.modelslabtwin.emulator.db.DatabaseSecrets.Purpose;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Download links that work without a bearer token — for a person's browser, {@code curl -O}, the CLI —
 * as Stripe's invoice links and S3's presigned URLs do: {@code path?expires=<unix seconds>&signature=<HMAC>}.
 * The HMAC-SHA256 covers the path and the expiry, so a link opens exactly one file until it expires
 * and cannot be edited into another account's; the bearer token never travels in a URL. The key is
 * made once per database (see migration V2), so links outlive a restart of a file database, and read
 * from it each time, never kept: a reset makes the database anew, key included, and a key kept in
 * memory would refuse every link signed after it. Expiry follows emulated time, so a test can watch a
 * link expire.
 */
final class SignedLinks {

    /** Long enough to forward a link to a person, short enough that a leaked link dies; ask again for a fresh one. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private final Database database;

    SignedLinks(Database database) {
        this.database = database;
    }

    /** {@code root + path} signed until {@code now + LIFETIME}. */
    String link(String root, String path, Instant now) {
        long expires = now.plus(LIFETIME).getEpochSecond();
        return root + path + "?expires=" + expires + "&signature=" + signature(path, expires);
    }

    /** Throws 403 {@code invalid_signature} or {@code link_expired} unless the link was signed here and is still valid. */
    void check(String path, String expires, String signature, Instant now) {
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw invalidSignature();
        }
        byte[] expected = signature(path, expiresAt).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (signature == null ? "" : signature).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalidSignature();
        }
        if (now.getEpochSecond() >= expiresAt) {
            throw new ApiProblem(403, "link_expired", "This download link has expired. Ask the API for a fresh one.",
                    Map.of("expired_at", Instant.ofEpochSecond(expiresAt).toString()));
        }
    }

    private String signature(String path, long expires) {
        String key = database.transaction(db -> Sql.one(db, "SELECT " + DatabaseSecrets.keyQuery(Purpose.FILES),
                row -> row.getString(1)).orElse(null));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(DatabaseSecrets.hmac(key, path + "\n" + expires));
    }

    private static ApiProblem invalidSignature() {
        return new ApiProblem(403, "invalid_signature",
                "This download link is not valid: it was altered or not issued by this server. Ask the API for a fresh one.",
                Map.of());
    }
}
