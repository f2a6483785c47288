package dev.modelslabtwin.emulator.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's starting state, as a JSON or YAML file: accounts (with balance, cards and tokens of
 * known secret), the plan catalogue and coupons. {@code seed/default.json} is the built-in one; the
 * control API's {@code SeedDocument} schema describes the same shape.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SeedFile(List<Account> accounts, List<Plan> plans, List<Coupon> coupons) {

    public SeedFile {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        plans = plans == null ? List.of() : List.copyOf(plans);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
    }

    /**
     * An account; the first one is the default account the banner prints a token for. {@code token}
     * and {@code tokens} both issue tokens (the first one issued is the account's main token).
     */
    public record Account(String email, String name, String username, String password, Boolean verified, Boolean reseller,
                          BigDecimal balance, Token token, List<Token> tokens,
                          @JsonProperty("payment_methods") List<String> paymentMethods) {

        /** Every token to issue: {@code token} first, then {@code tokens}. */
        public List<Token> allTokens() {
            List<Token> all = new ArrayList<>();
            if (token != null) {
                all.add(token);
            }
            if (tokens != null) {
                all.addAll(tokens);
            }
            return all;
        }
    }

    /**
     * A token; with a {@code secret} its plain text is known before the emulator starts
     * ({@code <id>|<secret>}), without one a random secret is drawn. {@code token_expiry} takes the
     * login call's values ({@code 1_week} ... {@code never}, the default).
     */
    public record Token(String name, String secret, List<String> scopes,
                        @JsonProperty("token_expiry") String tokenExpiry) {
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
