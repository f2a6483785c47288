package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.OlderSchema;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvoiceNumbersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anAccountsInvoicesAreNumberedInTheOrderTheyWereIssued() {
        Database database = Database.inMemory();
        long account = database.transaction(db -> Sql.insert(db, "INSERT INTO accounts (email, name, password_hash, "
                + "stripe_customer_id, created_at) VALUES ('numbers@example.com', 'N', 'x', 'cus_n', ?)", NOW));

        for (int i = 0; i < 3; i++) {
            database.transaction(db -> Invoices.recordPaid(db, account, "Wallet funding", BigDecimal.TEN, null, null, NOW));
        }

        List<String> numbers = database.transaction(db -> Invoices.list(db, account)).stream()
                .map(Invoices.Invoice::number).toList();
        assertEquals(List.of("MLT-00001-0003", "MLT-00001-0002", "MLT-00001-0001"), numbers);
    }

    @Test
    void anInvoiceIssuedByAnOlderEmulatorKeepsItsNumber() {
        Database database = OlderSchema.at(9)
                .withAccount("older@example.com", NOW)
                .with("UPDATE accounts SET invoices_issued = 12345")
                .with("INSERT INTO invoices (id, account_id, number, amount, status, description, created_at, paid_at) "
                        + "VALUES ('in_older', 1, 'MLT-00001-12345', 25.00, 'paid', 'Wallet funding', ?, ?)", NOW, NOW)
                .with("INSERT INTO invoice_lines (invoice_id, description, quantity, amount) "
                        + "VALUES ('in_older', 'Wallet funding', 1, 25.00)")
                .upgrade();

        Invoices.Invoice invoice = database.transaction(db -> Invoices.find(db, "in_older")).orElseThrow();
        String next = database.transaction(db -> Invoices.recordPaid(db, 1, "Wallet funding", BigDecimal.ONE, null, null, NOW));

        assertEquals("MLT-00001-12345", invoice.number());
        assertEquals(List.of(new Invoices.Line("Wallet funding", 1, new BigDecimal("25.00"))),
                database.transaction(db -> Invoices.lines(db, invoice)));
        assertEquals("MLT-00001-12346", database.transaction(db -> Invoices.find(db, next)).orElseThrow().number());
    }
}
