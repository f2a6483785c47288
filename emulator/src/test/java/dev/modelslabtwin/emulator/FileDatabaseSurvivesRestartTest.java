package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.wallet.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileDatabaseSurvivesRestartTest {

    @Test
    void stateWrittenBeforeARestartIsThereAfterItAndTheSeedIsNotAppliedTwice(@TempDir Path dir) {
        Emulator.Options options = Emulator.Options.forTests().withDatabase("file:" + dir.resolve("twin"));
        String token;
        try (Emulator first = Emulator.start(options)) {
            token = first.defaultToken();
            first.services().database().transaction(db -> {
                long id = Accounts.byEmail(db, "agent@example.com").orElseThrow().id();
                return Ledger.debit(db, id, new BigDecimal("7.25"),
                        new Ledger.Entry("wallet", null, "usage", "Usage before restart"), first.services().clock().instant());
            });
        }

        try (Emulator second = Emulator.start(options)) {
            assertEquals(token, second.defaultToken());
            TestHttp.Answer tokens = new TestHttp(second.baseUrl(), token).get("/auth/scopes");
            assertTrue(tokens.status() != 401, "the seeded token still authenticates: " + tokens.body());
            BigDecimal balance = second.services().database().transaction(db ->
                    Ledger.balance(db, Accounts.byEmail(db, "agent@example.com").orElseThrow().id()));
            assertEquals(new BigDecimal("42.75"), balance);
            long accounts = second.services().database().transaction(db ->
                    dev.modelslabtwin.emulator.db.Sql.number(db, "SELECT COUNT(*) FROM accounts").longValue());
            assertEquals(2, accounts);
        }
    }
}
