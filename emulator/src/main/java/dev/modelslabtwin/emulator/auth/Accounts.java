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

    /** What a new account is made of. */
    public record NewAccount(String email, String name, String username, String password, boolean verified,
                             boolean reseller) {
    }

    private static final String COLUMNS = "id, email, name, username, verified, reseller, disabled, stripe_customer_id, created_at";

    private Accounts() {
    }

    /** Creates the account and its empty wallet; emails are unique regardless of case. */
    public static Account create(Connection db, NewAccount account, Instant now) {
        long id = Sql.insert(db, "INSERT INTO accounts (email, name, username, password_hash, verified, reseller, "
                        + "stripe_customer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                normalise(account.email()), account.name(), account.username(), Passwords.hash(account.password()),
                account.verified(), account.reseller(), StripeIds.next("cus"), now);
        Sql.update(db, "INSERT INTO wallets (account_id) VALUES (?)", id);
        return find(db, id).orElseThrow();
    }

    public static Optional<Account> find(Connection db, long id) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM accounts WHERE id = ?", Accounts::map, id);
    }

    public static Optional<Account> byEmail(Connection db, String email) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM accounts WHERE email = ?", Accounts::map, normalise(email));
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
