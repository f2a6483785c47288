package dev.modelslabtwin.emulator.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The emulator's starting state, as a JSON or YAML file: accounts (with balance, cards and a token
 * of known secret), the plan catalogue and coupons. {@code seed/default.json} is the built-in one.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SeedFile(List<Account> accounts, List<Plan> plans, List<Coupon> coupons) {

    public SeedFile {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        plans = plans == null ? List.of() : List.copyOf(plans);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
    }

    /** An account; the first one is the default account the banner prints a token for. */
    public record Account(String email, String name, String username, String password, Boolean verified, Boolean reseller,
                          BigDecimal balance, Token token, @JsonProperty("payment_methods") List<String> paymentMethods) {
    }

    /** A token whose secret is known in advance, so scripts can use it before the emulator starts. */
    public record Token(String name, String secret, List<String> scopes) {
    }

    public record Plan(long id, String name, String category, String period, String type, BigDecimal price,
                       @JsonProperty("api_call_limit") Integer apiCallLimit, @JsonProperty("rate_limit") Integer rateLimit,
                       List<String> features, String description) {
    }

    /** A coupon: {@code credit} (fixed credit), {@code percent} (of a purchase) or {@code bonus} (extra credit on a purchase). */
    public record Coupon(String code, String kind, @JsonProperty("credit_amount") BigDecimal creditAmount, BigDecimal percent,
                         @JsonProperty("minimum_purchase") BigDecimal minimumPurchase,
                         @JsonProperty("max_redemptions") Integer maxRedemptions,
                         @JsonProperty("expires_at") Instant expiresAt) {
    }
}
