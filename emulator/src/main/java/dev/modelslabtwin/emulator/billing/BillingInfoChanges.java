package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.client.model.UpdateBillingInfoRequest;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import org.openapitools.jackson.nullable.JsonNullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code PUT /billing/info} asks to change, as documented field → new value (null clears):
 * the CLI's {@code address}, {@code city} and {@code country} read as {@code address_line1},
 * {@code address_city} and {@code address_country} unless the documented name is sent too; strings
 * are trimmed and blank ones clear, as Laravel's TrimStrings and ConvertEmptyStringsToNull make them.
 * The contract checks shapes; this checks what a pattern cannot: that the country exists.
 */
final class BillingInfoChanges {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private BillingInfoChanges() {
    }

    static Map<String, String> of(UpdateBillingInfoRequest request) {
        Map<String, String> changes = new LinkedHashMap<>();
        put(changes, "name", request.getName_JsonNullable());
        put(changes, "email", request.getEmail_JsonNullable());
        put(changes, "tax_id", request.getTaxId_JsonNullable());
        if (request.getTaxIdType() != null) {
            changes.put("tax_id_type", request.getTaxIdType().getValue());
        }
        put(changes, "address_line1", documentedOrAlias(request.getAddressLine1_JsonNullable(), request.getAddress_JsonNullable()));
        put(changes, "address_line2", request.getAddressLine2_JsonNullable());
        put(changes, "address_city", documentedOrAlias(request.getAddressCity_JsonNullable(), request.getCity_JsonNullable()));
        put(changes, "address_state", request.getAddressState_JsonNullable());
        put(changes, "address_postal_code", request.getAddressPostalCode_JsonNullable());
        boolean countryByAlias = !request.getAddressCountry_JsonNullable().isPresent()
                && request.getCountry_JsonNullable().isPresent();
        put(changes, "address_country", documentedOrAlias(request.getAddressCountry_JsonNullable(), request.getCountry_JsonNullable()));
        String country = changes.get("address_country");
        if (country != null && !COUNTRIES.contains(country)) {
            String field = countryByAlias ? "country" : "address_country";
            throw ApiProblem.validation(Map.of(field, List.of("The " + field.replace('_', ' ')
                    + " must be an ISO 3166-1 alpha-2 country code, e.g. US or DE; " + country + " is none.")));
        }
        return changes;
    }

    private static JsonNullable<String> documentedOrAlias(JsonNullable<String> documented, JsonNullable<String> alias) {
        return documented.isPresent() ? documented : alias;
    }

    private static void put(Map<String, String> changes, String field, JsonNullable<String> sent) {
        if (sent.isPresent()) {
            String value = sent.get() == null ? null : sent.get().trim();
            changes.put(field, value == null || value.isEmpty() ? null : value);
        }
    }
}
