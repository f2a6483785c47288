package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.PlanCategory;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import dev.modelslabtwin.emulator.db.Row;
import java.math.BigDecimal;
import java.sql.Connection;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plan catalogue, as the seed file wrote it into the {@code plans} table. */
public final class Plans {

    /** A plan a subscription can be created for. */
    record Plan(long id, String name, PlanCategory category, String period, String type, BigDecimal price,
                int apiCallLimit, int rateLimit, List<String> features, String description) {

        BillingInterval interval() {
            return BillingInterval.of(period);
        }
    }

    private static final String COLUMNS = "id, name, category, period, type, price, api_call_limit, rate_limit, features, "
            + "description";

    private Plans() {
    }

    static List<Plan> all(Connection db) {
        return Sql.list(db, "SELECT " + COLUMNS + " FROM plans ORDER BY id", Plans::map);
    }

    static Optional<Plan> find(Connection db, long id) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM plans WHERE id = ?", Plans::map, id);
    }

    /** The plan a request names in {@code field}; an unknown id is a validation error of that field. */
    static Plan requested(Connection db, long id, String field) {
        return find(db, id).orElseThrow(() -> ApiProblem.validation(Map.of(field,
                List.of("The selected " + field.replace('_', ' ') + " is invalid: see GET /subscriptions/plans."))));
    }

    /** A plan a stored subscription or payment refers to: plans are never removed, so it exists. */
    static Plan existing(Connection db, long id) {
        return find(db, id).orElseThrow(() -> new IllegalStateException("plan " + id + " is missing from the catalogue"));
    }

    /**
     * Fails when a plan of the catalogue could not be billed or shown (a category outside the contract's,
     * a period with no known length): a seed-file mistake, reported when the emulator starts.
     */
    public static void verifyCatalogue(Connection db) {
        try {
            for (Plan plan : all(db)) {
                plan.interval();
                if (plan.category() == PlanCategory.UNKNOWN_DEFAULT_OPEN_API) {
                    throw new IllegalArgumentException("plan " + plan.id() + " has a category outside "
                            + List.of(PlanCategory.values()).subList(0, PlanCategory.values().length - 1));
                }
                if (plan.price().signum() <= 0) {
                    throw new IllegalArgumentException("plan " + plan.id() + " needs a positive price");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the seed's plan catalogue cannot be billed: " + e.getMessage(), e);
        }
    }

    private static Plan map(Row row) {
        String features = row.getString("features");
        return new Plan(row.getLong("id"), row.getString("name"), PlanCategory.fromValue(row.getString("category")),
                row.getString("period"), row.getString("type"), row.getBigDecimal("price"), row.getInt("api_call_limit"),
                row.getInt("rate_limit"), features.isEmpty() ? List.of() : Arrays.asList(features.split("\n")),
                row.getString("description"));
    }
}
