package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An invoice's lines read back as they were billed, whether or not they needed rows of their own. */
class InvoiceLinesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Database database = Database.inMemory();
    private final long account = database.transaction(db -> Sql.insert(db, "INSERT INTO accounts (email, name, "
            + "password_hash, stripe_customer_id, created_at) VALUES ('lines@example.com', 'L', 'x', 'cus_l', ?)", NOW));

    @Test
    void aTopUpsInvoiceHasItsOneLineWithoutARowForIt() {
        String id = database.transaction(db -> Invoices.recordPaid(db, account, "Wallet funding", new BigDecimal("25.00"),
                "pi_top_up", null, NOW));

        assertEquals(List.of(new Invoices.Line("Wallet funding", 1, new BigDecimal("25.00"))), lines(id));
        assertEquals(0, storedLines(id));
    }

    @Test
    void anInvoiceOfOneLineOtherThanItselfKeepsThatLine() {
        List<Invoices.Line> billed = List.of(new Invoices.Line("Pro plan (monthly)", 1, new BigDecimal("29.00")));

        String id = database.transaction(db -> Invoices.recordPaid(db, account, "Subscription: Pro", billed, "pi_sub", 7L, NOW));

        assertEquals(billed, lines(id));
        assertEquals(1, storedLines(id));
    }

    @Test
    void anInvoiceOfSeveralLinesKeepsThemInOrder() {
        List<Invoices.Line> billed = List.of(new Invoices.Line("Wallet funding", 1, new BigDecimal("25.00")),
                new Invoices.Line("Unused time on Basic", 1, new BigDecimal("-5.00")),
                new Invoices.Line("Seats", 3, new BigDecimal("2.50")));

        String id = database.transaction(db -> Invoices.recordPaid(db, account, "Wallet funding", billed, "pi_many", null, NOW));

        assertEquals(billed, lines(id));
    }

    @Test
    void aLineOfTheInvoicesDescriptionBilledTwiceIsKept() {
        List<Invoices.Line> billed = List.of(new Invoices.Line("Wallet funding", 2, new BigDecimal("12.50")));

        String id = database.transaction(db -> Invoices.recordPaid(db, account, "Wallet funding", billed, "pi_twice", null, NOW));

        assertEquals(billed, lines(id));
        assertEquals(1, storedLines(id));
    }

    private List<Invoices.Line> lines(String invoiceId) {
        return database.transaction(db -> Invoices.lines(db, Invoices.find(db, invoiceId).orElseThrow()));
    }

    private int storedLines(String invoiceId) {
        return database.transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM invoice_lines WHERE invoice_id = ?",
                invoiceId)).intValue();
    }
}
