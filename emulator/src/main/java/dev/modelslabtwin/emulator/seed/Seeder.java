package dev.modelslabtwin.emulator.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.client.model.TokenExpiry;
import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.auth.Teams;
import dev.modelslabtwin.emulator.auth.TokenLifetime;
import dev.modelslabtwin.emulator.control.model.SeedAccount;
import dev.modelslabtwin.emulator.control.model.SeedCoupon;
import dev.modelslabtwin.emulator.control.model.SeedDocument;
import dev.modelslabtwin.emulator.control.model.SeedPlan;
import dev.modelslabtwin.emulator.control.model.SeedToken;
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
 * Writes a seed document ({@link SeedDocument}, the control document's schema, as a {@code --seed} file
 * or a control request) into the database. Seeding is additive and skips what exists (an account
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
    public record SeededAccount(long id, String email, boolean created, List<IssuedToken> tokens, List<String> paymentMethods,
                                List<TeamMembership> teams) {
    }

    /** A membership of a team account: its id (the CLI's {@code team_member_id}) and the team account. */
    public record TeamMembership(long teamMemberId, long accountId, String username) {
    }

    /** A token with its plain text ({@code token}), the only time it is shown. */
    public record IssuedToken(long id, String name, Set<String> scopes, Instant expiresAt, String token) {
    }

    private Seeder() {
    }

    public static SeedDocument builtIn() {
        try (InputStream in = Seeder.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the emulator jar");
            }
            return mapper(false).readValue(in, SeedDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a seed file, YAML when its name ends in .yaml or .yml, JSON otherwise. */
    public static SeedDocument read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            return parse(Files.readAllBytes(file), name.endsWith(".yaml") || name.endsWith(".yml"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a seed document; IOException for text that is not a seed document. */
    public static SeedDocument parse(byte[] document, boolean yaml) throws IOException {
        return mapper(yaml).readValue(document, SeedDocument.class);
    }

    public static Seeded apply(Connection db, SeedDocument seed, Instant now) {
        for (SeedPlan plan : orEmpty(seed.getPlans())) {
            Sql.update(db, "MERGE INTO plans (id, name, category, period, type, price, api_call_limit, rate_limit, features, "
                            + "description) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    plan.getId(), plan.getName(), plan.getCategory(), plan.getPeriod(),
                    plan.getType() == null ? plan.getCategory() : plan.getType(), plan.getPrice(),
                    orZero(plan.getApiCallLimit()), orZero(plan.getRateLimit()), String.join("\n", orEmpty(plan.getFeatures())),
                    plan.getDescription() == null ? plan.getName() : plan.getDescription());
        }
        for (SeedCoupon coupon : orEmpty(seed.getCoupons())) {
            Sql.update(db, "MERGE INTO coupons (code, kind, credit_amount, percent, minimum_purchase, max_redemptions, expires_at) "
                            + "KEY (code) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    coupon.getCode().toUpperCase(Locale.ROOT), coupon.getKind().getValue(), coupon.getCreditAmount(),
                    coupon.getPercent(), coupon.getMinimumPurchase(), coupon.getMaxRedemptions(),
                    coupon.getExpiresAt() == null ? null : coupon.getExpiresAt().toInstant());
        }
        List<SeededAccount> accounts = new ArrayList<>();
        List<SeedAccount> seedAccounts = orEmpty(seed.getAccounts());
        for (int i = 0; i < seedAccounts.size(); i++) {
            SeedAccount account = seedAccounts.get(i);
            String field = at("accounts", Integer.toString(i));
            requireEmail(account, field);
            Optional<Accounts.Account> existing = Accounts.byEmail(db, account.getEmail());
            accounts.add(existing.isPresent()
                    ? existing(db, existing.get(), account, now)
                    : createWithoutTeams(db, account, field, now));
        }
        // Teams once every account exists: a team account may come after its members in the document.
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).created()) {
                accounts.set(i, withTeams(accounts.get(i), joinTeams(db, accounts.get(i).id(), seedAccounts.get(i).getTeams(),
                        at(at("accounts", Integer.toString(i)), "teams"))));
            }
        }
        return new Seeded(List.copyOf(accounts), orEmpty(seed.getPlans()).size(), orEmpty(seed.getCoupons()).size());
    }

    /**
     * Creates one account as a seed describes it: wallet balance, tokens, cards. {@code field} names
     * the account in error details (e.g. {@code accounts.0}; empty when it is the whole request). 409
     * when the email is taken.
     */
    public static SeededAccount create(Connection db, SeedAccount seed, String field, Instant now) {
        SeededAccount account = createWithoutTeams(db, seed, field, now);
        return withTeams(account, joinTeams(db, account.id(), seed.getTeams(), at(field, "teams")));
    }

    private static SeededAccount createWithoutTeams(Connection db, SeedAccount seed, String field, Instant now) {
        requireEmail(seed, field);
        if (Accounts.byEmail(db, seed.getEmail()).isPresent()) {
            throw new ApiProblem(409, "account_exists", "An account with email " + Accounts.normalise(seed.getEmail())
                    + " exists already.", Map.of("email", Accounts.normalise(seed.getEmail())));
        }
        if (seed.getUsername() != null && Accounts.byUsername(db, seed.getUsername()).isPresent()) {
            throw invalid(at(field, "username"), "Another account has the username " + seed.getUsername() + " already.");
        }
        Accounts.Account account = Accounts.create(db, new Accounts.NewAccount(seed.getEmail(),
                seed.getName() == null ? seed.getEmail() : seed.getName(), seed.getUsername(),
                seed.getPassword() == null ? "password" : seed.getPassword(),
                seed.getVerified() == null || seed.getVerified(), Boolean.TRUE.equals(seed.getReseller()), seed.getApiKey()), now);
        if (seed.getBalance() != null && seed.getBalance().signum() > 0) {
            Ledger.credit(db, account.id(), seed.getBalance(),
                    new Ledger.Entry("seed", null, "wallet_funding", "Opening balance from the seed file"), now);
        }
        List<IssuedToken> tokens = new ArrayList<>();
        List<SeedToken> wanted = allTokens(seed);
        for (int t = 0; t < wanted.size(); t++) {
            tokens.add(issue(db, account.id(), wanted.get(t), at(field, "tokens." + t), now));
        }
        List<String> cards = new ArrayList<>();
        List<String> paymentMethods = orEmpty(seed.getPaymentMethods());
        for (int p = 0; p < paymentMethods.size(); p++) {
            cards.add(attach(db, account.id(), paymentMethods.get(p), at(field, "payment_methods." + p), now));
        }
        return new SeededAccount(account.id(), account.email(), true, List.copyOf(tokens), List.copyOf(cards), List.of());
    }

    /** Makes the account a member of each team account named (by username); its memberships. */
    private static List<TeamMembership> joinTeams(Connection db, long accountId, List<String> usernames, String field) {
        List<TeamMembership> memberships = new ArrayList<>();
        List<String> names = orEmpty(usernames);
        for (int t = 0; t < names.size(); t++) {
            String username = names.get(t);
            String entry = at(field, Integer.toString(t));
            Accounts.Account team = Accounts.byUsername(db, username).orElseThrow(() -> invalid(entry,
                    "No account has the username " + username + ": seed the team account too (with that username)."));
            if (team.id() == accountId) {
                throw invalid(entry, "An account is not a member of its own team.");
            }
            memberships.add(new TeamMembership(Teams.join(db, team.id(), accountId).id(), team.id(), username));
        }
        return List.copyOf(memberships);
    }

    private static SeededAccount withTeams(SeededAccount account, List<TeamMembership> teams) {
        return new SeededAccount(account.id(), account.email(), account.created(), account.tokens(), account.paymentMethods(), teams);
    }

    /** Issues a token for an account as a seed token describes it. */
    public static IssuedToken issue(Connection db, long accountId, SeedToken token, String field, Instant now) {
        Set<String> scopes = scopes(token.getScopes(), at(field, "scopes"));
        Instant expiresAt = expiry(token.getTokenExpiry(), at(field, "token_expiry"), now);
        String name = token.getName() == null || token.getName().isBlank() ? "seed" : token.getName();
        AccessTokens.Issued issued = token.getSecret() == null
                ? AccessTokens.issue(db, accountId, name, scopes, now, expiresAt)
                : AccessTokens.issue(db, accountId, name, scopes, now, expiresAt,
                        requireSecret(db, token.getSecret(), field));
        return new IssuedToken(issued.token().id(), name, issued.token().scopes(), expiresAt, issued.plainText());
    }

    /** The plain text of the seed's first account's first token, if that token is still live. */
    public static Optional<String> defaultToken(Connection db, SeedDocument seed, Instant now) {
        if (orEmpty(seed.getAccounts()).isEmpty()) {
            return Optional.empty();
        }
        return allTokens(seed.getAccounts().get(0)).stream().filter(token -> token.getSecret() != null).findFirst()
                .flatMap(token -> live(db, token.getSecret(), now));
    }

    /**
     * Every token to issue for an account: {@code token} first, then {@code tokens} (the first one issued
     * is the account's main token).
     */
    public static List<SeedToken> allTokens(SeedAccount account) {
        List<SeedToken> all = new ArrayList<>();
        if (account.getToken() != null) {
            all.add(account.getToken());
        }
        all.addAll(orEmpty(account.getTokens()));
        return all;
    }

    private static SeededAccount existing(Connection db, Accounts.Account account, SeedAccount seed, Instant now) {
        List<IssuedToken> tokens = new ArrayList<>();
        for (SeedToken token : allTokens(seed)) {
            if (token.getSecret() != null) {
                Optional<String> plainText = live(db, token.getSecret(), now);
                if (plainText.isPresent()) {
                    long id = Long.parseLong(plainText.get().substring(0, plainText.get().indexOf('|')));
                    AccessTokens.Token stored = AccessTokens.live(db, account.id(), now).stream()
                            .filter(t -> t.id() == id).findFirst().orElseThrow();
                    tokens.add(new IssuedToken(id, stored.name(), stored.scopes(), stored.expiresAt(), plainText.get()));
                }
            }
        }
        List<String> cards = PaymentMethods.list(db, account.id()).stream().map(PaymentMethods.Card::id).toList();
        List<TeamMembership> teams = Teams.of(db, account.id()).stream().map(membership -> new TeamMembership(membership.id(),
                membership.teamAccountId(), Accounts.find(db, membership.teamAccountId()).map(Accounts.Account::username)
                        .orElse(null))).toList();
        return new SeededAccount(account.id(), account.email(), false, List.copyOf(tokens), cards, teams);
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

    private static void requireEmail(SeedAccount account, String field) {
        if (account.getEmail() == null || !account.getEmail().contains("@")) {
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

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static ObjectMapper mapper(boolean yaml) {
        ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        return mapper.registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    }
}
