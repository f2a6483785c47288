package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.StripeIds;

import dev.modelslabtwin.emulator.db.Row;
import java.sql.Connection;


import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** ModelsLab accounts: each one with its own wallet and Stripe customer, isolated from the others. */
public final class Accounts {

    /** A stored account (without its password hash). */
    public record Account(long id, String email, String name, String username, boolean verified, boolean reseller,
                          boolean disabled, String stripeCustomerId, Instant createdAt) {
    }

    /** What a new account is made of; a null {@code apiKey} is made up. */
    public record NewAccount(String email, String name, String username, String password, boolean verified,
                             boolean reseller, String apiKey) {

        public NewAccount(String email, String name, String username, String password, boolean verified, boolean reseller) {
            this(email, name, username, password, verified, reseller, null);
        }
    }

    /** How long a made-up API key is (the emulator's choice: no source shows what a key looks like). */
    private static final int API_KEY_LENGTH = 40;

    private static final String COLUMNS = "id, email, name, username, verified, reseller, disabled, stripe_customer_id, created_at";

    private Accounts() {
    }

    /**
     * Creates the account, its API key for the generation APIs (the one login hands out, the same every
     * time) and its empty wallet; emails are unique regardless of case.
     */
    public static Account create(Connection db, NewAccount account, Instant now) {
        String apiKey = account.apiKey() != null ? account.apiKey() : StripeIds.random(API_KEY_LENGTH);
        long id = Sql.insert(db, "INSERT INTO accounts (email, name, username, password_hash, verified, reseller, "
                        + "stripe_customer_id, api_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                normalise(account.email()), account.name(), account.username(), Passwords.hash(account.password()),
                account.verified(), account.reseller(), StripeIds.next("cus"), apiKey, now);
        Sql.update(db, "INSERT INTO wallets (account_id) VALUES (?)", id);
        return find(db, id).orElseThrow();
    }

    public static Optional<Account> find(Connection db, long id) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM accounts WHERE id = ?", Accounts::map, id);
    }

    public static Optional<Account> byEmail(Connection db, String email) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM accounts WHERE email = ?", Accounts::map, normalise(email));
    }

    public static Optional<Account> byUsername(Connection db, String username) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM accounts WHERE username = ?", Accounts::map, username);
    }

    /** The account's API key for the generation APIs. */
    public static String apiKey(Connection db, long id) {
        return Sql.one(db, "SELECT api_key FROM accounts WHERE id = ?", row -> row.getString(1), id).orElse(null);
    }

    /** Replaces the account's password (stored hashed, as every password). */
    public static void setPassword(Connection db, long id, String password) {
        Sql.update(db, "UPDATE accounts SET password_hash = ? WHERE id = ?", Passwords.hash(password), id);
    }

    /** Whether {@code password} is the account's password. */
    public static boolean passwordMatches(Connection db, long id, String password) {
        return Sql.one(db, "SELECT password_hash FROM accounts WHERE id = ?", row -> row.getString(1), id)
                .map(hash -> Passwords.matches(password, hash)).orElse(false);
    }

    public static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static Account map(Row row) {
        return new Account(row.getLong("id"), row.getString("email"), row.getString("name"), row.getString("username"),
                row.getBoolean("verified"), row.getBoolean("reseller"), row.getBoolean("disabled"),
                row.getString("stripe_customer_id"), row.instant("created_at"));
    }
}
