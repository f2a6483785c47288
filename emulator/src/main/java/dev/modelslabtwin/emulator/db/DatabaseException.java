package dev.modelslabtwin.emulator.db;

import java.sql.SQLException;
import java.util.Set;

/** A failure of the database itself (never a client's mistake), unchecked so callers need not wrap it. */
public final class DatabaseException extends RuntimeException {

    /**
     * H2's error codes for a transaction that lost to a concurrent one and was rolled back: a deadlock
     * (which is also how a serializable transaction's write conflict is reported), a concurrent update,
     * a lock wait that timed out. Running the transaction again is the cure.
     */
    private static final Set<Integer> COLLISIONS = Set.of(40001, 90131, 50200);

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether the transaction failed only because a concurrent one got in its way. */
    public boolean collision() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && COLLISIONS.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
