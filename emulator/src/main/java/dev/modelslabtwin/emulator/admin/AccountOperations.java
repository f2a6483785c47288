package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.control.model.SeedAccount;
import dev.modelslabtwin.emulator.control.model.SeedToken;
import dev.modelslabtwin.emulator.control.model.UsageRequest;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.StripeIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The control routes about accounts: list, create, issue tokens, spend from a wallet, read the verification inbox. */
final class AccountOperations implements AccountsApi {

    private final EmulatorControl control;

    AccountOperations(EmulatorControl control) {
        this.control = control;
    }

    @Override
    public Object listAccounts() {
        return control.services().database().transaction(db -> Sql.list(db, "SELECT a.id, a.email, a.name, a.verified, "
                + "a.reseller, a.disabled, w.balance, a.created_at FROM accounts a JOIN wallets w ON w.account_id = a.id "
                + "ORDER BY a.id",
                row -> {
                    Map<String, Object> account = new LinkedHashMap<>();
                    account.put("id", row.getLong("id"));
                    account.put("email", row.getString("email"));
                    account.put("name", row.getString("name"));
                    account.put("verified", row.getBoolean("verified"));
                    account.put("reseller", row.getBoolean("reseller"));
                    account.put("disabled", row.getBoolean("disabled"));
                    account.put("balance", row.getBigDecimal("balance"));
                    account.put("created_at", row.instant("created_at"));
                    return account;
                }));
    }

    /** An account as a seed entry describes it; a made-up email and a {@code *} token when the request leaves them out. */
    @Override
    public Object createAccount(SeedAccount account) {
        if (account.getEmail() == null) {
            account.email("agent-" + StripeIds.random(10).toLowerCase(Locale.ROOT) + "@emulator.test");
        }
        if (account.getToken() == null && account.getTokens() == null) {
            account.token(new SeedToken().name("control-api").scopes(List.of("*")));
        }
        return new ControlApi.Answer(201, control.createAccount(account));
    }

    @Override
    public Object createToken(Long accountId, SeedToken token) {
        if (token.getName() == null) {
            token.name("control-api");
        }
        return new ControlApi.Answer(201, control.issueToken(accountId, token));
    }

    /** Spends from an account's wallet as generation calls do; auto-funding reacts as it would. */
    @Override
    public Object spendFromWallet(Long accountId, UsageRequest usage) {
        if (control.services().database().transaction(db -> Accounts.find(db, accountId)).isEmpty()) {
            throw ControlApi.notFound("account " + accountId);
        }
        String description = usage.getDescription() == null ? "Usage (emulator control API)" : usage.getDescription();
        return control.spend(accountId, usage.getAmount(), description);
    }

    /** The verification code signup "emailed" to {@code ?email=}: the emulator's stand-in for an inbox. */
    @Override
    public Object getVerificationCode(String email) {
        return control.services().database().transaction(db -> Sql.one(db,
                "SELECT verification_code, verified FROM accounts WHERE email = ?", row -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("email", Accounts.normalise(email));
                    answer.put("verification_code", row.getString(1));
                    answer.put("verified", row.getBoolean(2));
                    return answer;
                }, Accounts.normalise(email)))
                .orElseThrow(() -> new ApiProblem(404, "not_found", "No account with email " + email + ".", Map.of()));
    }
}
