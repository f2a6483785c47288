package dev.modelslabtwin.emulator.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DatabaseSecretsTest {

    @Test
    void everyNewDatabaseHasAKeyOfItsOwnForEachPurpose() {
        Map<String, String> first = keys(Database.inMemory());
        Map<String, String> second = keys(Database.inMemory());

        List<String> purposes = Arrays.stream(DatabaseSecrets.Purpose.values()).map(DatabaseSecrets.Purpose::stored).sorted().toList();
        assertEquals(purposes, first.keySet().stream().toList());
        for (String purpose : purposes) {
            assertEquals(64, first.get(purpose).length(), purpose);
            assertNotEquals(first.get(purpose), second.get(purpose), purpose);
        }
    }

    @Test
    void aFileDatabaseKeepsItsKeysAcrossReopening(@TempDir Path dir) {
        String location = "file:" + dir.resolve("twin");

        Map<String, String> before = keys(Database.at(location));

        assertEquals(before, keys(Database.at(location)));
    }

    private static Map<String, String> keys(Database database) {
        return database.transaction(db -> {
            Map<String, String> keys = new TreeMap<>();
            Sql.list(db, "SELECT purpose, secret FROM url_signing_keys", row -> keys.put(row.getString(1), row.getString(2)));
            return keys;
        });
    }
}
