package dev.modelslabtwin.emulator.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.client.model.TokenExpiry;
import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.auth.TokenLifetime;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CardDeclined;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.wallet.Ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link SeedFile} into the database. Seeding is additive and skips what exists (an account
 * by email; plans and coupons are updated by id and code), so a file database that survives a restart
 * keeps its state and is not seeded twice. A seed that cannot be applied whole is applied not at all:
 * callers run it in one transaction and every mistake is an {@link ApiProblem} naming the field.
 */
public final class Seeder {

    public static final String DEFAULT_RESOURCE = "seed/default.json";

    /** What seeding did: each account of the seed (made now or already there) and how many plans and coupons it wrote. */
    public record Seeded(List<SeededAccount> accounts, int plans, int coupons) {
    }

    /**
     * An account of the seed: {@code created} false when an account with its email existed already.
     * {@code tokens} are the plain texts that work now: every token issued by this seeding, and for an
     * existing account those of its seed tokens with a known secret that are still live.
     */
    public record SeededAccount(long id, String email, boolean created, List<IssuedToken> tokens, List<String> paymentMethods) {
    }

    /** A token with its plain text ({@code token}), the only time it is shown. */
    public record IssuedToken(long id, String name, Set<String> scopes, Instant expiresAt, String token) {
    }

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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            return parse(Files.readAllBytes(file), name.endsWith(".yaml") || name.endsWith(".yml"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a seed document; IOException for text that is not a seed document. */
    public static SeedFile parse(byte[] document, boolean yaml) throws IOException {
        return mapper(yaml).readValue(document, SeedFile.class);
    }

    public static Seeded apply(Connection db, SeedFile seed, Instant now) {
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
                    coupon.code().toUpperCase(Locale.ROOT), coupon.kind(), coupon.creditAmount(), coupon.percent(),
                    coupon.minimumPurchase(), coupon.maxRedemptions(), coupon.expiresAt());
        }
        List<SeededAccount> accounts = new ArrayList<>();
        for (int i = 0; i < seed.accounts().size(); i++) {
            SeedFile.Account account = seed.accounts().get(i);
            String field = at("accounts", Integer.toString(i));
            requireEmail(account, field);
            Optional<Accounts.Account> existing = Accounts.byEmail(db, account.email());
            accounts.add(existing.isPresent()
                    ? existing(db, existing.get(), account, now)
                    : create(db, account, field, now));
        }
        return new Seeded(List.copyOf(accounts), seed.plans().size(), seed.coupons().size());
    }

    /**
     * Creates one account as a seed describes it: wallet balance, tokens, cards. {@code field} names
     * the account in error details (e.g. {@code accounts.0}; empty when it is the whole request). 409
     * when the email is taken.
     */
    public static SeededAccount create(Connection db, SeedFile.Account seed, String field, Instant now) {
        requireEmail(seed, field);
        if (Accounts.byEmail(db, seed.email()).isPresent()) {
            throw new ApiProblem(409, "account_exists", "An account with email " + Accounts.normalise(seed.email())
                    + " exists already.", Map.of("email", Accounts.normalise(seed.email())));
        }
        Accounts.Account account = Accounts.create(db, new Accounts.NewAccount(seed.email(),
                seed.name() == null ? seed.email() : seed.name(), seed.username(),
                seed.password() == null ? "password" : seed.password(),
                seed.verified() == null || seed.verified(), Boolean.TRUE.equals(seed.reseller())), now);
        if (seed.balance() != null && seed.balance().signum() > 0) {
            Ledger.credit(db, account.id(), seed.balance(),
                    new Ledger.Entry("seed", null, "wallet_funding", "Opening balance from the seed file"), now);
        }
        List<IssuedToken> tokens = new ArrayList<>();
        List<SeedFile.Token> wanted = seed.allTokens();
        for (int t = 0; t < wanted.size(); t++) {
            tokens.add(issue(db, account.id(), wanted.get(t), at(field, "tokens." + t), now));
        }
        List<String> cards = new ArrayList<>();
        List<String> paymentMethods = seed.paymentMethods() == null ? List.of() : seed.paymentMethods();
        for (int p = 0; p < paymentMethods.size(); p++) {
            cards.add(attach(db, account.id(), paymentMethods.get(p), at(field, "payment_methods." + p), now));
        }
        return new SeededAccount(account.id(), account.email(), true, List.copyOf(tokens), List.copyOf(cards));
    }

    /** Issues a token for an account as a seed token describes it. */
    public static IssuedToken issue(Connection db, long accountId, SeedFile.Token token, String field, Instant now) {
        Set<String> scopes = scopes(token.scopes(), at(field, "scopes"));
        Instant expiresAt = expiry(token.tokenExpiry(), at(field, "token_expiry"), now);
        String name = token.name() == null || token.name().isBlank() ? "seed" : token.name();
        AccessTokens.Issued issued = token.secret() == null
                ? AccessTokens.issue(db, accountId, name, scopes, now, expiresAt)
                : AccessTokens.issue(db, accountId, name, scopes, now, expiresAt, requireSecret(db, token.secret(), field));
        return new IssuedToken(issued.token().id(), name, issued.token().scopes(), expiresAt, issued.plainText());
    }

    /** The plain text of the seed's first account's first token, if that token is still live. */
    public static Optional<String> defaultToken(Connection db, SeedFile seed, Instant now) {
        if (seed.accounts().isEmpty()) {
            return Optional.empty();
        }
        return seed.accounts().get(0).allTokens().stream().filter(token -> token.secret() != null).findFirst()
                .flatMap(token -> live(db, token.secret(), now));
    }

    private static SeededAccount existing(Connection db, Accounts.Account account, SeedFile.Account seed, Instant now) {
        List<IssuedToken> tokens = new ArrayList<>();
        for (SeedFile.Token token : seed.allTokens()) {
            if (token.secret() != null) {
                Optional<String> plainText = live(db, token.secret(), now);
                if (plainText.isPresent()) {
                    long id = Long.parseLong(plainText.get().substring(0, plainText.get().indexOf('|')));
                    AccessTokens.Token stored = AccessTokens.live(db, account.id(), now).stream()
                            .filter(t -> t.id() == id).findFirst().orElseThrow();
                    tokens.add(new IssuedToken(id, stored.name(), stored.scopes(), stored.expiresAt(), plainText.get()));
                }
            }
        }
        List<String> cards = PaymentMethods.list(db, account.id()).stream().map(PaymentMethods.Card::id).toList();
        return new SeededAccount(account.id(), account.email(), false, List.copyOf(tokens), cards);
    }

    private static Optional<String> live(Connection db, String secret, Instant now) {
        return AccessTokens.plainTextOf(db, secret, now);
    }

    private static String attach(Connection db, long accountId, String paymentMethod, String field, Instant now) {
        try {
            return PaymentMethods.attach(db, accountId, paymentMethod, false, now).id();
        } catch (CardDeclined declined) {
            throw invalid(field, "Stripe refuses to attach " + paymentMethod + " (" + declined.decline().declineCode() + ").");
        } catch (ApiProblem unknown) {
            throw invalid(field, "Unknown test card " + paymentMethod + ": use a pm_card_* id from GET /_emulator/test-cards.");
        }
    }

    private static Set<String> scopes(List<String> requested, String field) {
        if (requested == null || requested.isEmpty()) {
            return Set.of("*");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (Scope.fromValue(scope) == Scope.UNKNOWN_DEFAULT_OPEN_API) {
                throw invalid(field, "Unknown scope " + scope + ": see GET /api/agents/v1/auth/scopes.");
            }
            scopes.add(scope);
        }
        return scopes;
    }

    private static Instant expiry(String tokenExpiry, String field, Instant now) {
        if (tokenExpiry == null) {
            return null;
        }
        TokenExpiry expiry = TokenExpiry.fromValue(tokenExpiry);
        if (expiry == TokenExpiry.UNKNOWN_DEFAULT_OPEN_API) {
            throw invalid(field, "The token_expiry must be one of 1_week, 1_month, 3_months, 6_months, 1_year, never.");
        }
        return TokenLifetime.expiresAt(expiry, now);
    }

    private static String requireSecret(Connection db, String secret, String field) {
        if (!secret.matches(AccessTokens.SECRET_PATTERN)) {
            throw invalid(at(field, "secret"), "A token secret is 16 to 80 letters, digits, underscores or hyphens.");
        }
        if (AccessTokens.secretTaken(db, secret)) {
            throw invalid(at(field, "secret"), "Another token has this secret already; secrets are unique.");
        }
        return secret;
    }

    private static void requireEmail(SeedFile.Account account, String field) {
        if (account.email() == null || !account.email().contains("@")) {
            throw invalid(at(field, "email"), "Every account needs an email address.");
        }
    }

    /** {@code name} inside {@code field} ({@code accounts.0.email}); just {@code name} at the top ({@code field} empty). */
    private static String at(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.validation(Map.of(field, List.of(message)));
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
