-- Authentication remembers what the token table said about a bearer token (auth/RememberedTokens) for
-- as long as neither table it read has changed: every row inserted, updated or deleted in them is
-- noticed here, whatever code (or a test's raw SQL) wrote it, and moves the database's generation on
-- once the transaction has ended (db/WatchedTables).
CREATE TRIGGER accounts_watched AFTER INSERT, UPDATE, DELETE ON accounts FOR EACH ROW
    CALL 'dev.modelslabtwin.emulator.db.WatchedTables';
CREATE TRIGGER access_tokens_watched AFTER INSERT, UPDATE, DELETE ON access_tokens FOR EACH ROW
    CALL 'dev.modelslabtwin.emulator.db.WatchedTables';
