package dev.modelslabtwin.emulator.db;

import java.sql.SQLException;

/** A failure of the database itself (never a client's mistake), unchecked so callers need not wrap it. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
