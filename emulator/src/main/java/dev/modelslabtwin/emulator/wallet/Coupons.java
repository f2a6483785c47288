package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.CouponReason;
import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.CardDeclined;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coupons from the {@code coupons} table. A {@code credit} coupon adds a fixed amount. The other kinds
 * ride on a purchase (the card is charged {@code purchase_amount}, the wallet credited the purchase plus
 * the bonus): {@code percent} gives a percentage of the purchase, {@code bonus} a fixed amount, both only
 * from {@code minimum_purchase} on. Each account redeems a coupon once; {@code max_redemptions} caps all
 * accounts together; {@code expires_at} is read on the emulated clock.
 */
final class Coupons {

    /** A row of the coupons table. */
    record Coupon(String code, String kind, BigDecimal creditAmount, BigDecimal percent, BigDecimal minimumPurchase,
                  Integer maxRedemptions, Instant expiresAt) {

        boolean ridesOnPurchase() {
            return !kind.equals("credit");
        }

        /** The bonus a purchase earns; null for a credit coupon, or a percentage without a purchase. */
        BigDecimal bonusOn(BigDecimal purchase) {
            return switch (kind) {
                case "percent" -> purchase == null ? null : Money.percentOf(purchase, percent);
                case "bonus" -> creditAmount;
                default -> null;
            };
        }
    }

    /** A coupon and why this account cannot use it now (null when it can). */
    record Check(Coupon coupon, CouponReason reason) {
    }

    /**
     * What a redemption credited and, for a bonus coupon, the purchase it charged; or, when that charge
     * failed, the refusal to answer once the failed PaymentIntent is kept.
     */
    record Redemption(Coupon coupon, BigDecimal credited, BigDecimal charged, PaymentIntents.PaymentIntent payment,
                      BigDecimal balance, ApiProblem refusal) {
    }

    private Coupons() {
    }

    /** Whether the account could redeem {@code code} now; 404 for an unknown coupon. Changes nothing. */
    static Check check(Connection db, long accountId, String code, BigDecimal purchase, Instant now) {
        Coupon coupon = find(db, code).orElseThrow(() -> new ApiProblem(404, "not_found", "No such coupon: " + code + ".",
                Map.of("coupon_code", code)));
        return new Check(coupon, obstacle(db, coupon, accountId, purchase, now));
    }

    /**
     * Redeems {@code code}: a credit coupon credits its amount; a bonus coupon charges the card the
     * purchase first, once, without saving it (no 3D Secure here: such a card is declined
     * {@code authentication_required}).
     */
    static Redemption redeem(Connection db, PaymentIntents intents, long accountId, String code, BigDecimal purchase,
                             String paymentMethodId, Instant now) {
        Coupon coupon = find(db, code).orElseThrow(() -> invalid(code, "unknown", "This coupon does not exist."));
        CouponReason reason = obstacle(db, coupon, accountId, purchase, now);
        if (reason == CouponReason.ALREADY_REDEEMED) {
            throw new ApiProblem(409, "coupon_already_redeemed", "This account has already redeemed coupon " + coupon.code() + ".",
                    Map.of("coupon_code", coupon.code()));
        }
        if (reason == CouponReason.EXPIRED || reason == CouponReason.EXHAUSTED) {
            throw invalid(coupon.code(), reason.getValue(), reason == CouponReason.EXPIRED ? "This coupon has expired."
                    : "This coupon has reached its maximum number of redemptions.");
        }
        if (!coupon.ridesOnPurchase()) {
            Ledger.credit(db, accountId, coupon.creditAmount(), new Ledger.Entry("coupon", coupon.code(), "coupon",
                    "Coupon " + coupon.code()), now);
            recordRedemption(db, coupon, accountId, coupon.creditAmount(), now);
            return new Redemption(coupon, coupon.creditAmount(), null, null, Ledger.balance(db, accountId), null);
        }
        requirePurchase(purchase, paymentMethodId);
        if (reason == CouponReason.BELOW_MINIMUM_PURCHASE) {
            throw invalid(coupon.code(), reason.getValue(), "This coupon needs a purchase of at least "
                    + coupon.minimumPurchase().toPlainString() + " USD.");
        }
        String card = PaymentMethods.named(db, accountId, paymentMethodId, now).id();
        PaymentIntents.PaymentIntent payment = intents.chargeWithoutAuthentication(db, accountId, card, purchase, ChargePurpose.COUPON_BONUS,
                coupon.code(), now);
        return new Redemption(coupon, purchase.add(coupon.bonusOn(purchase)), purchase, payment,
                Ledger.balance(db, accountId), payment.declined() ? CardDeclined.of(payment) : null);
    }

    /** The effect of a successful bonus-coupon purchase: the purchase and the bonus credited, once. */
    static void fulfil(Connection db, PaymentIntents.PaymentIntent payment, Instant now) {
        Coupon coupon = find(db, payment.reference()).orElseThrow(
                () -> new IllegalStateException("payment " + payment.id() + " names no coupon"));
        BigDecimal bonus = coupon.bonusOn(payment.amount());
        Ledger.credit(db, payment.accountId(), payment.amount(), new Ledger.Entry("stripe", payment.id(), Funding.USECASE,
                "Wallet funding with coupon " + coupon.code()), now);
        Ledger.credit(db, payment.accountId(), bonus, new Ledger.Entry("coupon", coupon.code(), "coupon",
                "Coupon " + coupon.code() + " bonus on a " + payment.amount().toPlainString() + " USD purchase"), now);
        Invoices.recordPaid(db, payment.accountId(), "Wallet funding", payment.amount(), payment.id(), null, now);
        recordRedemption(db, coupon, payment.accountId(), payment.amount().add(bonus), now);
    }

    private static CouponReason obstacle(Connection db, Coupon coupon, long accountId, BigDecimal purchase, Instant now) {
        if (coupon.expiresAt() != null && !now.isBefore(coupon.expiresAt())) {
            return CouponReason.EXPIRED;
        }
        if (Sql.number(db, "SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_code = ? AND account_id = ?",
                coupon.code(), accountId).signum() > 0) {
            return CouponReason.ALREADY_REDEEMED;
        }
        if (coupon.maxRedemptions() != null && Sql.number(db, "SELECT redemption_count FROM coupons WHERE code = ?",
                coupon.code()).intValue() >= coupon.maxRedemptions()) {
            return CouponReason.EXHAUSTED;
        }
        if (coupon.ridesOnPurchase() && purchase == null) {
            return CouponReason.PURCHASE_AMOUNT_REQUIRED;
        }
        if (coupon.ridesOnPurchase() && coupon.minimumPurchase() != null && purchase.compareTo(coupon.minimumPurchase()) < 0) {
            return CouponReason.BELOW_MINIMUM_PURCHASE;
        }
        return null;
    }

    private static void requirePurchase(BigDecimal purchase, String paymentMethodId) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        if (purchase == null) {
            missing.put("purchase_amount", List.of("The purchase amount field is required for a bonus coupon."));
        }
        if (paymentMethodId == null) {
            missing.put("payment_method_id", List.of("The payment method id field is required for a bonus coupon."));
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.validation(missing);
        }
    }

    /**
     * Records the redemption and raises the coupon's count in the same transaction: concurrent
     * redemptions of one coupon write the same row, so the later one is run again and sees the first
     * (see V5.sql).
     */
    private static void recordRedemption(Connection db, Coupon coupon, long accountId, BigDecimal credited, Instant now) {
        Sql.update(db, "UPDATE coupons SET redemption_count = redemption_count + 1 WHERE code = ?", coupon.code());
        Sql.update(db, "INSERT INTO coupon_redemptions (coupon_code, account_id, credited_amount, redeemed_at) VALUES (?, ?, ?, ?)",
                coupon.code(), accountId, credited, now);
    }

    private static ApiProblem invalid(String code, String reason, String message) {
        return new ApiProblem(422, "invalid_coupon", message, Map.of("coupon_code", code, "reason", reason));
    }

    /** Codes are matched case-insensitively, as Stripe matches promotion codes. */
    private static Optional<Coupon> find(Connection db, String code) {
        return Sql.one(db, "SELECT code, kind, credit_amount, percent, minimum_purchase, max_redemptions, expires_at "
                + "FROM coupons WHERE UPPER(code) = UPPER(?)", Coupons::map, code);
    }

    private static Coupon map(Row row) {
        Integer maxRedemptions = row.getObject("max_redemptions", Integer.class);
        return new Coupon(row.getString("code"), row.getString("kind"), row.getBigDecimal("credit_amount"),
                row.getBigDecimal("percent"), row.getBigDecimal("minimum_purchase"), maxRedemptions,
                row.instant("expires_at"));
    }
}
