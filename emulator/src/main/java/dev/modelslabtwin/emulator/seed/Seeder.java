package dev.modelslabtwin.emulator.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.wallet.Ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link SeedFile} into the database. Seeding is additive and skips what exists (an account
 * by email, a plan by id, a coupon by code), so a file database that survives a restart keeps its
 * state and is not seeded twice.
 */
public final class Seeder {

    public static final String DEFAULT_RESOURCE = "seed/default.json";

    private Seeder() {
    }

    public static SeedFile builtIn() {
        try (InputStream in = Seeder.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the emulator jar");
            }
            return mapper(false).readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a seed file, YAML when its name ends in .yaml or .yml, JSON otherwise. */
    public static SeedFile read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            return mapper(name.endsWith(".yaml") || name.endsWith(".yml")).readValue(Files.readAllBytes(file), SeedFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void apply(Connection db, SeedFile seed, Instant now) throws SQLException {
        for (SeedFile.Plan plan : seed.plans()) {
            Sql.update(db, "MERGE INTO plans (id, name, category, period, type, price, api_call_limit, rate_limit, features, "
                            + "description) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    plan.id(), plan.name(), plan.category(), plan.period(), plan.type() == null ? plan.category() : plan.type(),
                    plan.price(), orZero(plan.apiCallLimit()), orZero(plan.rateLimit()),
                    String.join("\n", plan.features() == null ? List.of() : plan.features()),
                    plan.description() == null ? plan.name() : plan.description());
        }
        for (SeedFile.Coupon coupon : seed.coupons()) {
            Sql.update(db, "MERGE INTO coupons (code, kind, credit_amount, percent, minimum_purchase, max_redemptions, expires_at) "
                            + "KEY (code) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    coupon.code().toUpperCase(java.util.Locale.ROOT), coupon.kind(), coupon.creditAmount(), coupon.percent(),
                    coupon.minimumPurchase(), coupon.maxRedemptions(), coupon.expiresAt());
        }
        for (SeedFile.Account account : seed.accounts()) {
            if (Accounts.byEmail(db, account.email()).isEmpty()) {
                seedAccount(db, account, now);
            }
        }
    }

    /** The plain text of the seed's first account's token, if that token is still live. */
    public static Optional<String> defaultToken(Connection db, SeedFile seed, Instant now) throws SQLException {
        if (seed.accounts().isEmpty() || seed.accounts().get(0).token() == null) {
            return Optional.empty();
        }
        return AccessTokens.plainTextOf(db, seed.accounts().get(0).token().secret(), now);
    }

    private static void seedAccount(Connection db, SeedFile.Account seed, Instant now) throws SQLException {
        Accounts.Account account = Accounts.create(db, new Accounts.NewAccount(seed.email(),
                seed.name() == null ? seed.email() : seed.name(), seed.username(),
                seed.password() == null ? "password" : seed.password(),
                seed.verified() == null || seed.verified(), Boolean.TRUE.equals(seed.reseller())), now);
        if (seed.balance() != null && seed.balance().signum() > 0) {
            Ledger.credit(db, account.id(), seed.balance(),
                    new Ledger.Entry("seed", null, "wallet_funding", "Opening balance from the seed file"), now);
        }
        if (seed.token() != null) {
            List<String> scopes = seed.token().scopes() == null ? List.of("*") : seed.token().scopes();
            AccessTokens.issue(db, account.id(), seed.token().name() == null ? "seed" : seed.token().name(),
                    new HashSet<>(scopes), now, null, seed.token().secret());
        }
        for (String paymentMethod : seed.paymentMethods() == null ? List.<String>of() : seed.paymentMethods()) {
            PaymentMethods.attach(db, account.id(), paymentMethod, false, now);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ObjectMapper mapper(boolean yaml) {
        ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        return mapper.registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    }
}
