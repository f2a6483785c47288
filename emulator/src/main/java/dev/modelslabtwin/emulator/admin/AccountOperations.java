package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Json;
import dev.modelslabtwin.emulator.seed.SeedFile;
import dev.modelslabtwin.emulator.seed.Seeder;
import dev.modelslabtwin.emulator.stripe.StripeIds;
import dev.modelslabtwin.emulator.wallet.Usage;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The control routes about accounts: list, create, issue tokens, spend from a wallet, read the verification inbox. */
final class AccountOperations {

    private static final SeedFile.Token DEFAULT_TOKEN = new SeedFile.Token("control-api", null, List.of("*"), null);

    private final Services services;
    private final PaymentIntents paymentIntents;

    AccountOperations(Services services, PaymentIntents paymentIntents) {
        this.services = services;
        this.paymentIntents = paymentIntents;
    }

    Object list(ControlRequest request) {
        return services.database().transaction(db -> Sql.list(db, "SELECT a.id, a.email, a.name, a.verified, a.reseller, "
                + "a.disabled, w.balance, a.created_at FROM accounts a JOIN wallets w ON w.account_id = a.id ORDER BY a.id",
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
    Object create(ControlRequest request) {
        SeedFile.Account asked = read(request, SeedFile.Account.class);
        SeedFile.Account account = new SeedFile.Account(
                asked.email() != null ? asked.email() : "agent-" + StripeIds.random(10).toLowerCase(Locale.ROOT) + "@emulator.test",
                asked.name(), asked.username(), asked.password(), asked.verified(), asked.reseller(), asked.balance(),
                asked.token() == null && asked.tokens() == null ? DEFAULT_TOKEN : asked.token(), asked.tokens(),
                asked.paymentMethods());
        return new ControlApi.Answer(201, services.database().transaction(db ->
                Seeder.create(db, account, "", services.clock().instant())));
    }

    Object issueToken(ControlRequest request) {
        long accountId = request.pathId();
        SeedFile.Token token = read(request, SeedFile.Token.class);
        return new ControlApi.Answer(201, services.database().transaction(db -> {
            if (Accounts.find(db, accountId).isEmpty()) {
                throw ControlApi.notFound("account " + accountId);
            }
            return Seeder.issue(db, accountId, token.name() == null ? withName(token) : token, "", services.clock().instant());
        }));
    }

    /** Spends from an account's wallet as generation calls do; auto-funding reacts as it would. */
    Object spend(ControlRequest request) {
        long accountId = request.pathId();
        if (services.database().transaction(db -> Accounts.find(db, accountId)).isEmpty()) {
            throw ControlApi.notFound("account " + accountId);
        }
        BigDecimal amount = request.body().get("amount").decimalValue();
        String description = request.body().path("description").asText("Usage (emulator control API)");
        return Usage.spend(services, paymentIntents, accountId, amount, description);
    }

    /** The verification code signup "emailed" to {@code ?email=}: the emulator's stand-in for an inbox. */
    Object verificationCode(ControlRequest request) {
        String email = request.query("email");
        return services.database().transaction(db -> Sql.one(db,
                "SELECT verification_code, verified FROM accounts WHERE email = ?", row -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("email", Accounts.normalise(email));
                    answer.put("verification_code", row.getString(1));
                    answer.put("verified", row.getBoolean(2));
                    return answer;
                }, Accounts.normalise(email)))
                .orElseThrow(() -> new ApiProblem(404, "not_found", "No account with email " + email + ".", Map.of()));
    }

    private static SeedFile.Token withName(SeedFile.Token token) {
        return new SeedFile.Token("control-api", token.secret(), token.scopes(), token.tokenExpiry());
    }

    private static <T> T read(ControlRequest request, Class<T> type) {
        try {
            return Json.MAPPER.readValue(request.body().toString().getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw ControlApi.invalid("body", "Not a valid " + type.getSimpleName().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
        }
    }
}
