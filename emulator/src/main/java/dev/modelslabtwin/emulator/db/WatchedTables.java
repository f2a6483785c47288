package dev.modelslabtwin.emulator.db;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * The trigger on the tables what is remembered of them depends on ({@code accounts} and
 * {@code access_tokens}, migration V10): a row inserted, updated or deleted there is noted on the thread
 * that wrote it (H2 runs an embedded database's statements, and so its triggers, on the caller's
 * thread), and the {@link Database} whose transaction it was moves its {@link Database#generation()} on
 * when that transaction ends. After the commit, not at the statement: a generation read after the
 * change was noticed must never come with a snapshot from before its commit. Being a trigger, it
 * notices every writer, a code path written later or a test's raw SQL included.
 */
public final class WatchedTables implements Trigger {

    private static final ThreadLocal<Notes> NOTES = ThreadLocal.withInitial(Notes::new);

    /** What this thread wrote to the watched tables since its last transaction ended. */
    private static final class Notes {
        boolean changed;
        int unnoticed;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        Notes notes = NOTES.get();
        if (notes.unnoticed == 0) {
            notes.changed = true;
        }
    }

    /**
     * Runs {@code write} without its changes being noticed: for a bookkeeping column that nothing
     * remembered depends on and that is written on hot paths ({@code access_tokens.last_used_at}, which
     * the remembered tokens keep themselves; {@code accounts.invoices_issued}). Anything else written
     * inside {@code write} goes unnoticed too, so keep it to that one statement; a write left outside
     * costs only a forgotten answer, never a wrong one.
     */
    public static <T> T unnoticed(Supplier<T> write) {
        Notes notes = NOTES.get();
        notes.unnoticed++;
        try {
            return write.get();
        } finally {
            notes.unnoticed--;
        }
    }

    /** Whether this thread changed a watched table since it last asked; the note is cleared. */
    static boolean takeChange() {
        Notes notes = NOTES.get();
        boolean changed = notes.changed;
        notes.changed = false;
        return changed;
    }

    /** Notes a change no trigger sees: a {@code DROP ALL OBJECTS}. */
    static void noteChange() {
        NOTES.get().changed = true;
    }
}
