package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.stripe.Invoices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything printed on an invoice, in the words both renderings (PDF and hosted page) use: the
 * invoice, its lines and who it is billed to — the billing profile, or the account's own name and
 * email where the profile is empty.
 */
record InvoiceDocument(Invoices.Invoice invoice, List<Invoices.Line> lines, List<String> billTo, String customerId) {

    static final String ISSUER = "ModelsLab";
    static final String ISSUER_NOTE = "Agent Control Plane emulator - test mode, no real money moved";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    static InvoiceDocument load(Connection db, Invoices.Invoice invoice) {
        Accounts.Account account = Accounts.find(db, invoice.accountId()).orElseThrow();
        BillingProfiles.Profile profile = BillingProfiles.of(db, invoice.accountId());
        List<String> billTo = new ArrayList<>();
        billTo.add(profile.name() != null ? profile.name() : account.name());
        billTo.add(profile.email() != null ? profile.email() : account.email());
        addIfPresent(billTo, profile.addressLine1());
        addIfPresent(billTo, profile.addressLine2());
        addIfPresent(billTo, Stream.of(profile.addressPostalCode(), profile.addressCity(), profile.addressState())
                .filter(part -> part != null).collect(Collectors.joining(" ")));
        if (profile.addressCountry() != null) {
            billTo.add(new Locale("", profile.addressCountry()).getDisplayCountry(Locale.US));
        }
        if (profile.taxId() != null) {
            billTo.add(taxIdLabel(profile.taxIdType()) + " " + profile.taxId());
        }
        return new InvoiceDocument(invoice, Invoices.lines(db, invoice), List.copyOf(billTo), account.stripeCustomerId());
    }

    String title() {
        return "Invoice " + invoice.number();
    }

    String statusLabel() {
        return invoice.status().substring(0, 1).toUpperCase(Locale.ROOT) + invoice.status().substring(1);
    }

    String headline() {
        String amount = money(invoice.amount()) + " USD";
        return invoice.paidAt() == null ? amount + " due" : amount + " paid on " + date(invoice.paidAt());
    }

    /** The label and value rows under the title. */
    List<String[]> facts() {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Invoice number", invoice.number()});
        facts.add(new String[] {"Invoice ID", invoice.id()});
        facts.add(new String[] {"Date of issue", date(invoice.createdAt())});
        if (invoice.paidAt() != null) {
            facts.add(new String[] {"Date paid", DATE_TIME.format(invoice.paidAt())});
        }
        facts.add(new String[] {"Status", statusLabel()});
        if (invoice.paymentIntentId() != null) {
            facts.add(new String[] {"Payment", invoice.paymentIntentId()});
        }
        if (invoice.subscriptionId() != null) {
            facts.add(new String[] {"Subscription", "#" + invoice.subscriptionId()});
        }
        facts.add(new String[] {"Customer", customerId});
        return facts;
    }

    BigDecimal subtotal() {
        return lines.stream().map(Invoices.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal amountPaid() {
        return invoice.paidAt() == null ? BigDecimal.ZERO : invoice.amount();
    }

    /** {@code $1,234.50}: exact, two decimals, grouped as US dollars are written. */
    static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    private static String taxIdLabel(String type) {
        return type == null ? "Tax ID:" : type.toUpperCase(Locale.ROOT).replace('_', ' ') + ":";
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }
}
