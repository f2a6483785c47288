package dev.modelslabtwin.emulator.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database's generation: moved on by every write to the tables authentication reads, and only by those. */
class WatchedTablesTest {

    private static final Instant NOW = Instant.parse("2026-02-20T10:00:00Z");
    private final Database database = Database.inMemory();
    private final long account = database.transaction(db -> Sql.insert(db, "INSERT INTO accounts (email, name, "
            + "password_hash, stripe_customer_id, created_at) VALUES ('agent@example.com', 'Agent', 'x', 'cus_test', ?)", NOW));
    private final long token = database.transaction(db -> Sql.insert(db, "INSERT INTO access_tokens (account_id, "
            + "token_hash, name, scopes, created_at) VALUES (?, 'hash', 'test', '*', ?)", account, NOW));

    private boolean moves(String sql, Object... parameters) {
        long before = database.generation();
        database.transaction(db -> Sql.update(db, sql, parameters));
        return database.generation() != before;
    }

    @Test
    void anyInsertUpdateOrDeleteOfAnAccountOrATokenMovesTheGeneration() {
        assertEquals(true, moves("INSERT INTO accounts (email, name, password_hash, stripe_customer_id, created_at) "
                + "VALUES ('other@example.com', 'Other', 'x', 'cus_other', ?)", NOW));
        assertEquals(true, moves("UPDATE accounts SET disabled = TRUE WHERE id = ?", account));
        assertEquals(true, moves("UPDATE accounts SET name = 'Renamed' WHERE id = ?", account));
        assertEquals(true, moves("UPDATE access_tokens SET revoked_at = ? WHERE id = ?", NOW, token));
        assertEquals(true, moves("MERGE INTO access_tokens t USING (VALUES (CAST(? AS BIGINT))) v(id) ON t.id = v.id "
                + "WHEN MATCHED THEN UPDATE SET scopes = 'wallet:read'", token));
        assertEquals(true, moves("DELETE FROM access_tokens WHERE id = ?", token));
        assertEquals(true, moves("DELETE FROM accounts WHERE email = 'other@example.com'"));
    }

    @Test
    void writesToOtherTablesLeaveTheGenerationAlone() {
        assertEquals(false, moves("INSERT INTO wallets (account_id) VALUES (?)", account));
        assertEquals(false, moves("UPDATE wallets SET balance = 10 WHERE account_id = ?", account));
    }

    @Test
    void aWriteMadeUnnoticedLeavesTheGenerationAlone() {
        long before = database.generation();

        database.transaction(db -> WatchedTables.unnoticed(() ->
                Sql.update(db, "UPDATE access_tokens SET last_used_at = ? WHERE id = ?", NOW, token)));

        assertEquals(before, database.generation());
    }

    @Test
    void theGenerationMovesOnlyOnceTheTransactionHasCommitted() {
        long before = database.generation();

        long during = database.transaction(db -> {
            Sql.update(db, "UPDATE access_tokens SET revoked_at = ? WHERE id = ?", NOW, token);
            return CompletableFuture.supplyAsync(database::generation).join();
        });

        assertEquals(before, during);
        assertNotEquals(before, database.generation());
    }

    @Test
    void aTransactionRolledBackAfterAWriteMovesTheGenerationToo() {
        long before = database.generation();

        assertThrows(IllegalStateException.class, () -> database.transaction(db -> {
            Sql.update(db, "UPDATE accounts SET disabled = TRUE WHERE id = ?", account);
            throw new IllegalStateException("given up");
        }));

        assertNotEquals(before, database.generation());
    }

    @Test
    void aWipeMovesTheGeneration() {
        long before = database.generation();

        database.wipe();

        assertNotEquals(before, database.generation());
    }

    /** The bookkeeping columns nothing remembered depends on: the only writes allowed to go unnoticed. */
    private static final Set<String> UNNOTICED_WRITES = Set.of(
            "UPDATE access_tokens SET last_used_at = ? WHERE id = ?",
            "UPDATE accounts SET invoices_issued = invoices_issued + 1 WHERE id = ?");

    @Test
    void onlyTheBookkeepingColumnsAreEverWrittenUnnoticed() throws IOException {
        Pattern call = Pattern.compile("WatchedTables\\.unnoticed\\(\\(\\) ->\\s*Sql\\.update\\(db, \"([^\"]*)\"\\s*,");
        List<String> writes = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                calls += text.split("WatchedTables\\.unnoticed\\(", -1).length - 1;
                Matcher matcher = call.matcher(text);
                while (matcher.find()) {
                    writes.add(matcher.group(1));
                }
            }
        }

        assertEquals(calls, writes.size(), "each unnoticed write is one Sql.update of a literal statement: " + writes);
        assertEquals(UNNOTICED_WRITES, Set.copyOf(writes));
        assertTrue(calls >= UNNOTICED_WRITES.size());
    }
}
