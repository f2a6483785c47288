package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import dev.modelslabtwin.emulator.db.Row;
import java.sql.Connection;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The billing profile printed on invoices (name, email, address, tax id), one per account. An account
 * that never set it has every field null.
 */
final class BillingProfiles {

    /** The profile; any field may be null. */
    record Profile(String name, String email, String taxId, String taxIdType, String addressLine1, String addressLine2,
                   String addressCity, String addressState, String addressPostalCode, String addressCountry) {

        static final Profile EMPTY = new Profile(null, null, null, null, null, null, null, null, null, null);
    }

    /** The profile's columns, which are also the documented request fields. */
    static final List<String> FIELDS = List.of("name", "email", "tax_id", "tax_id_type", "address_line1", "address_line2",
            "address_city", "address_state", "address_postal_code", "address_country");

    private BillingProfiles() {
    }

    static Profile of(Connection db, long accountId) {
        return Sql.one(db, "SELECT " + String.join(", ", FIELDS) + " FROM billing_info WHERE account_id = ?",
                BillingProfiles::map, accountId).orElse(Profile.EMPTY);
    }

    /**
     * Applies {@code changes} (documented field name → new value, null clears; fields not named stay)
     * and returns the profile. A {@code tax_id} needs its {@code tax_id_type} in the same request, and a
     * type needs a tax id to qualify (sent now or stored); clearing {@code tax_id} clears its type.
     */
    static Profile update(Connection db, long accountId, Map<String, String> changes) {
        if (!FIELDS.containsAll(changes.keySet())) {
            throw new IllegalArgumentException("not profile fields: " + changes.keySet());
        }
        Profile stored = of(db, accountId);
        Map<String, String> merged = new LinkedHashMap<>(columns(stored));
        merged.putAll(changes);
        requireTaxIdWithItsType(changes, merged);
        if (changes.containsKey("tax_id") && changes.get("tax_id") == null) {
            merged.put("tax_id_type", null);
        }
        List<Object> values = new ArrayList<>(merged.values());
        values.add(0, accountId);
        Sql.update(db, "MERGE INTO billing_info (account_id, " + String.join(", ", FIELDS) + ") KEY (account_id) VALUES ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values.toArray());
        return of(db, accountId);
    }

    private static void requireTaxIdWithItsType(Map<String, String> changes, Map<String, String> merged) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (changes.get("tax_id") != null && changes.get("tax_id_type") == null) {
            problems.put("tax_id_type", List.of("The tax id type field is required when tax id is present."));
        }
        if (changes.get("tax_id_type") != null && merged.get("tax_id") == null) {
            problems.put("tax_id", List.of("The tax id field is required when tax id type is present."));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
    }

    private static Map<String, String> columns(Profile profile) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("name", profile.name());
        columns.put("email", profile.email());
        columns.put("tax_id", profile.taxId());
        columns.put("tax_id_type", profile.taxIdType());
        columns.put("address_line1", profile.addressLine1());
        columns.put("address_line2", profile.addressLine2());
        columns.put("address_city", profile.addressCity());
        columns.put("address_state", profile.addressState());
        columns.put("address_postal_code", profile.addressPostalCode());
        columns.put("address_country", profile.addressCountry());
        return columns;
    }

    private static Profile map(Row row) {
        return new Profile(row.getString("name"), row.getString("email"), row.getString("tax_id"),
                row.getString("tax_id_type"), row.getString("address_line1"), row.getString("address_line2"),
                row.getString("address_city"), row.getString("address_state"), row.getString("address_postal_code"),
                row.getString("address_country"));
    }
}
