package dev.modelslabtwin.emulator.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every test card of Stripe's testing documentation (docs.stripe.com/testing: card numbers,
 * {@code pm_card_*} PaymentMethods and {@code tok_*} tokens, with the legacy aliases still in wide use),
 * and what each does at the step where Stripe makes it happen. A row is one behaviour: its number, when
 * the number is the card's own, and every test id Stripe gives it. What a card does is read by
 * {@link CardNetwork}; this class only holds the facts.
 */
public final class TestCards {

    /** Why Stripe refused a card: its error {@code code}, {@code decline_code} and message. */
    public record Decline(String code, String declineCode, String message) {

        /** The decline with this {@code decline_code}: a row's, or one of the declines of the checks and of 3D Secure. */
        public static Optional<Decline> byDeclineCode(String declineCode) {
            return Optional.ofNullable(BY_DECLINE_CODE.get(declineCode == null ? "" : declineCode));
        }

        /** The card field Stripe names in the error's {@code param}, or null. */
        public String param() {
            return switch (code) {
                case "expired_card" -> "exp_month";
                case "incorrect_cvc" -> "cvc";
                case "incorrect_zip" -> "address_zip";
                default -> null;
            };
        }
    }

    /** What 3D Secure does with a card. */
    public enum ThreeDSecure {
        /** Not supported: payments go through without it (Amex 378282246310005). */
        NOT_SUPPORTED,
        /** Supported, not required: payments go through without it. */
        OPTIONAL,
        /** Every payment needs it, on and off session; saving the card needs it too. */
        REQUIRED,
        /** Saving the card needs it; once saved with a SetupIntent, off-session payments go through; on-session ones need it. */
        REQUIRED_UNLESS_SET_UP,
        /** Already set up for off-session use: off-session payments go through, on-session ones need it. */
        REQUIRED_ON_SESSION,
        /** Required, and passed without the customer (frictionless flow): payments go through. */
        FRICTIONLESS,
        /** Required, but the 3D Secure lookup fails: payments are declined {@code card_declined}. */
        LOOKUP_FAILS
    }

    /** Radar's risk level for a charge of the card. */
    public enum Risk { NORMAL, ELEVATED, HIGHEST }

    /** The result of a verification check when the data it checks (CVC, postal code, address line 1) was sent. */
    public enum Check {
        PASS, FAIL, UNAVAILABLE;

        /** Stripe's value for the {@code *_check} fields. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One row. {@code number} is the card number (a row whose behaviour has only a test id, such as
     * {@code tok_visa_chargeCustomerFailLostCard}, borrows its card's number for brand and last four);
     * {@code numberIsOwn} says whether tokenising that number gives this row. {@code issuerDecline}
     * refuses the card at attach and at charge, {@code chargeDecline} at charge only; {@code radarBlock}
     * blocks every charge (and, as Stripe's decline table has it, the attach); the checks fail only when
     * their data was sent. {@code unmodelled} names what Stripe does later with the card that the fake
     * Stripe does not (a dispute, a refund), or null.
     */
    public record TestCard(String key, String number, boolean numberIsOwn, List<String> paymentMethods,
                           List<String> tokens, String brand, String displayBrand, String funding, String country,
                           Decline issuerDecline, Decline chargeDecline, boolean radarBlock, Risk risk,
                           ThreeDSecure threeDSecure, Decline declineAfterAuthentication,
                           Check cvcCheck, Check postalCodeCheck, Check line1Check,
                           String behaviour, String unmodelled) {

        public String last4() {
            return number.substring(number.length() - 4);
        }

        /** The {@code pm_card_*} id Stripe documents first for this row, or null. */
        public String paymentMethod() {
            return paymentMethods.isEmpty() ? null : paymentMethods.get(0);
        }

        /** Every test id of the row: PaymentMethods, then tokens. */
        public List<String> testIds() {
            List<String> ids = new ArrayList<>(paymentMethods);
            ids.addAll(tokens);
            return ids;
        }

        /** Whether saving the card, or any charge, stops for 3D Secure under some condition. */
        public boolean needsAuthentication() {
            return threeDSecure == ThreeDSecure.REQUIRED || threeDSecure == ThreeDSecure.REQUIRED_UNLESS_SET_UP
                    || threeDSecure == ThreeDSecure.REQUIRED_ON_SESSION;
        }

        /** Whether confirming a SetupIntent with the card stops for 3D Secure. */
        public boolean setupNeedsAuthentication() {
            return threeDSecure == ThreeDSecure.REQUIRED || threeDSecure == ThreeDSecure.REQUIRED_UNLESS_SET_UP;
        }

        private TestCard with(Builder change) {
            return change.apply(new Mutable(this)).build();
        }
    }

    private static final Decline GENERIC = new Decline("card_declined", "generic_decline", "Your card was declined.");
    private static final Decline INSUFFICIENT = new Decline("card_declined", "insufficient_funds", "Your card has insufficient funds.");
    private static final Decline LOST = new Decline("card_declined", "lost_card", "Your card was declined.");
    private static final Decline STOLEN = new Decline("card_declined", "stolen_card", "Your card was declined.");
    private static final Decline EXPIRED = new Decline("expired_card", "expired_card", "Your card has expired.");
    private static final Decline CVC = new Decline("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.");
    private static final Decline PROCESSING = new Decline("processing_error", "processing_error",
            "An error occurred while processing your card. Try again in a little bit.");
    private static final Decline VELOCITY = new Decline("card_declined", "card_velocity_exceeded", "Your card was declined.");
    /** Radar blocked the payment (risk level highest). */
    public static final Decline FRAUDULENT = new Decline("card_declined", "fraudulent", "Your card was declined.");
    /** The postal code check failed and Radar's rule blocked the payment (or the card was refused when saved). */
    public static final Decline INCORRECT_ZIP = new Decline("incorrect_zip", "incorrect_zip",
            "The zip code you supplied failed validation.");
    /** The CVC check failed and Radar's rule blocked the payment (or the card was refused when saved). */
    public static final Decline INCORRECT_CVC = CVC;
    /** A charge of a card that needs 3D Secure where nobody can authenticate (off-session, or no next action). */
    public static final Decline AUTHENTICATION_REQUIRED = new Decline("authentication_required", "authentication_required",
            "This card requires authentication, which cannot be completed for this payment.");
    /** The person failed (or abandoned) 3D Secure. */
    public static final Decline AUTHENTICATION_FAILED = new Decline("authentication_required", "authentication_failed",
            "The customer did not complete 3D Secure authentication.");
    /** A card number that passes the Luhn check but is no Stripe test card: test mode refuses real cards. */
    public static final Decline LIVE_CARD_IN_TEST_MODE = new Decline("card_declined", "test_mode_live_card",
            "Your card was declined. Your request was in test mode, but used a non test (live) card. "
                    + "For a list of valid test cards, see GET /_emulator/test-cards.");

    private static final String DISPUTE = "the dispute that follows the charge is not emulated";
    private static final String CHECKS_SENT = "; the check runs only when the data is sent (any CVC, any postal code)";

    /** Stripe's international test cards: country, number, brand and funding, and the id suffix of its pm_card_/tok_ ids. */
    private static final String[][] COUNTRIES = {
            {"AR", "4000000320000021", "visa", "ar"}, {"BR", "4000000760000002", "visa", "br"},
            {"CA", "4000001240000000", "visa", "ca"}, {"CL", "4000001520000001", "visa", "cl"},
            {"CO", "4000001700000003", "visa", "co"}, {"CR", "4000001880000005", "visa", "cr"},
            {"EC", "4000002180000000", "visa", "ec"}, {"MX", "4000004840008001", "visa", "mx"},
            {"MX", "5062210000000009", "carnet", null}, {"PA", "4000005910000000", "visa", "pa"},
            {"PY", "4000006000000066", "visa", "py"}, {"PE", "4000006040000068", "visa", "pe"},
            {"UY", "4000008580000003", "visa", "uy"}, {"AE", "4000007840000001", "visa", "ae"},
            {"AE", "5200007840000022", "mastercard", "ae_mastercard"}, {"AT", "4000000400000008", "visa", "at"},
            {"BE", "4000000560000004", "visa", "be"}, {"BG", "4000001000000000", "visa", "bg"},
            {"BY", "4000001120000005", "visa", "by"}, {"HR", "4000001910000009", "visa", "hr"},
            {"CY", "4000001960000008", "visa", "cy"}, {"CZ", "4000002030000002", "visa", "cz"},
            {"DK", "4000002080000001", "visa", "dk"}, {"EE", "4000002330000009", "visa", "ee"},
            {"FI", "4000002460000001", "visa", "fi"}, {"FR", "4000002500000003", "visa", "fr"},
            {"DE", "4000002760000016", "visa", "de"}, {"GI", "4000002920000005", "visa", "gi"},
            {"GR", "4000003000000030", "visa", "gr"}, {"HU", "4000003480000005", "visa", "hu"},
            {"IE", "4000003720000005", "visa", "ie"}, {"IT", "4000003800000008", "visa", "it"},
            {"LV", "4000004280000005", "visa", "lv"}, {"LI", "4000004380000004", "visa", "li"},
            {"LT", "4000004400000000", "visa", "lt"}, {"LU", "4000004420000006", "visa", "lu"},
            {"MT", "4000004700000007", "visa", "mt"}, {"NL", "4000005280000002", "visa", "nl"},
            {"NO", "4000005780000007", "visa", "no"}, {"PL", "4000006160000005", "visa", "pl"},
            {"PT", "4000006200000007", "visa", "pt"}, {"RO", "4000006420000001", "visa", "ro"},
            {"SA", "4000006820000007", "visa", null}, {"SI", "4000007050000006", "visa", "si"},
            {"SK", "4000007030000001", "visa", "sk"}, {"ES", "4000007240000007", "visa", "es"},
            {"SE", "4000007520000008", "visa", "se"}, {"CH", "4000007560000009", "visa", "ch"},
            {"GB", "4000008260000000", "visa", "gb"}, {"GB", "4000058260000005", "visa debit", "gb_debit"},
            {"GB", "5555558265554449", "mastercard", "gb_mastercard"}, {"AU", "4000000360000006", "visa", "au"},
            {"CN", "4000001560000002", "visa", "cn"}, {"HK", "4000003440000004", "visa", "hk"},
            {"IN", "4000003560000008", "visa", "in"}, {"JP", "4000003920000003", "visa", "jp"},
            {"JP", "3530111333300000", "jcb", null}, {"MY", "4000004580000002", "visa", "my"},
            {"NZ", "4000005540000008", "visa", "nz"}, {"SG", "4000007020000003", "visa", "sg"},
            {"TW", "4000001580000008", "visa", "tw"}, {"TH", "4000007640000003", "visa", "th_credit"},
            {"TH", "4000057640000008", "visa debit", "th_debit"},
    };

    private static final List<TestCard> MATRIX = matrix();
    private static final Map<String, TestCard> BY_NUMBER = indexByNumber();
    private static final Map<String, TestCard> BY_TEST_ID = indexByTestId();
    private static final Map<String, TestCard> BY_KEY = indexByKey();
    private static final Map<String, Decline> BY_DECLINE_CODE = declines();

    private TestCards() {
    }

    /** Every row, in the order of Stripe's testing documentation. */
    public static List<TestCard> all() {
        return MATRIX;
    }

    /** The row a card number tokenises to; spaces and dashes are ignored. */
    public static Optional<TestCard> byNumber(String number) {
        return Optional.ofNullable(BY_NUMBER.get(number == null ? "" : number.replaceAll("[\\s-]", "")));
    }

    /** A {@code pm_card_*} test PaymentMethod, as Stripe's test mode accepts it wherever a PaymentMethod id goes. */
    public static Optional<TestCard> byPaymentMethodShortcut(String paymentMethod) {
        return paymentMethod != null && paymentMethod.startsWith("pm_card_")
                ? Optional.ofNullable(BY_TEST_ID.get(paymentMethod)) : Optional.empty();
    }

    /** A {@code tok_*} test token, as Stripe's test mode accepts it wherever a token goes. */
    public static Optional<TestCard> byTestToken(String token) {
        return token != null && token.startsWith("tok_") ? Optional.ofNullable(BY_TEST_ID.get(token)) : Optional.empty();
    }

    /** The row stored with a PaymentMethod or token ({@link TestCard#key()}). */
    public static Optional<TestCard> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key == null ? "" : key));
    }

    private static List<TestCard> matrix() {
        List<TestCard> rows = new ArrayList<>();
        // Successful payments by brand.
        rows.add(card("4242424242424242", "visa", "credit", "US", "succeeds; 3D Secure supported but not enrolled",
                "pm_card_visa", "pm_card_us", "tok_visa", "tok_us"));
        rows.add(card("4000056655665556", "visa", "debit", "US", "succeeds", "pm_card_visa_debit", "tok_visa_debit"));
        rows.add(card("5555555555554444", "mastercard", "credit", "US", "succeeds", "pm_card_mastercard", "tok_mastercard"));
        rows.add(card("2223003122003222", "mastercard", "credit", "US", "succeeds (2-series)"));
        rows.add(card("5200828282828210", "mastercard", "debit", "US", "succeeds",
                "pm_card_mastercard_debit", "tok_mastercard_debit"));
        rows.add(card("5105105105105100", "mastercard", "prepaid", "US", "succeeds",
                "pm_card_mastercard_prepaid", "tok_mastercard_prepaid"));
        rows.add(card("378282246310005", "amex", "credit", "US", "succeeds; 3D Secure not supported",
                "pm_card_amex", "pm_card_amex_threeDSecureNotSupported", "tok_amex", "tok_amex_threeDSecureNotSupported")
                .with(b -> b.threeDSecure(ThreeDSecure.NOT_SUPPORTED)));
        rows.add(card("371449635398431", "amex", "credit", "US", "succeeds"));
        rows.add(card("6011111111111117", "discover", "credit", "US", "succeeds", "pm_card_discover", "tok_discover"));
        rows.add(card("6011000990139424", "discover", "credit", "US", "succeeds"));
        rows.add(card("6011981111111113", "discover", "debit", "US", "succeeds"));
        rows.add(card("3056930009020004", "diners", "credit", "US", "succeeds", "pm_card_diners", "tok_diners"));
        rows.add(card("36227206271667", "diners", "credit", "US", "succeeds (14 digits)"));
        rows.add(card("6555900000604105", "discover", "credit", "US", "succeeds (BCcard and DinaCard, on the Discover network; "
                + "country inferred)").with(b -> b.displayBrand("bc_card")));
        rows.add(card("3566002020360505", "jcb", "credit", "JP", "succeeds", "pm_card_jcb", "tok_jcb"));
        rows.add(card("6200000000000005", "unionpay", "credit", "CN", "succeeds", "pm_card_unionpay", "tok_unionpay"));
        rows.add(card("6200000000000047", "unionpay", "debit", "CN", "succeeds"));
        rows.add(card("6205500000000000004", "unionpay", "credit", "CN", "succeeds (19 digits)"));
        // Co-branded cards.
        rows.add(card("4000002500001001", "visa", "credit", "FR", "succeeds (Cartes Bancaires co-brand)",
                "pm_card_visa_cartesBancaires", "tok_visa_cartesBancaires").with(b -> b.displayBrand("cartes_bancaires")));
        rows.add(card("5555552500001001", "mastercard", "credit", "FR", "succeeds (Cartes Bancaires co-brand)",
                "pm_card_mastercard_cartesBancaires", "tok_mastercard_cartesBancaires").with(b -> b.displayBrand("cartes_bancaires")));
        rows.add(card("4000050360000001", "visa", "debit", "AU", "succeeds (eftpos Australia co-brand)",
                "pm_card_visa_debit_eftposAuCoBranded", "tok_visa_debit_eftposAuCoBranded").with(b -> b.displayBrand("eftpos_au")));
        rows.add(card("5555050360000080", "mastercard", "debit", "AU", "succeeds (eftpos Australia co-brand)",
                "pm_card_mastercard_debit_eftposAuCoBranded", "tok_mastercard_debit_eftposAuCoBranded")
                .with(b -> b.displayBrand("eftpos_au")));
        // Successful payments by country.
        for (String[] country : COUNTRIES) {
            rows.add(international(country));
        }
        // HSA and FSA cards.
        rows.add(card("4000051230000072", "visa", "debit", "US", "succeeds (HSA or FSA product code)",
                "pm_card_debit_visaFsaProductCode", "pm_card_debit_visaHsaProductCode"));
        rows.add(card("5200828282828897", "mastercard", "debit", "US", "succeeds (FSA product code)",
                "pm_card_mastercard_debit_mastercardFsaProductCode"));
        // Declined payments: issuer declines cannot be attached to a customer either.
        rows.add(declined("4000000000000002", GENERIC, "pm_card_visa_chargeDeclined", "pm_card_chargeDeclined",
                "tok_visa_chargeDeclined", "tok_chargeDeclined"));
        rows.add(declined("4000000000009995", INSUFFICIENT, "pm_card_visa_chargeDeclinedInsufficientFunds",
                "pm_card_chargeDeclinedInsufficientFunds", "tok_visa_chargeDeclinedInsufficientFunds",
                "tok_chargeDeclinedInsufficientFunds"));
        rows.add(declined("4000056655665556", INSUFFICIENT, "tok_visa_debit_chargeDeclinedInsufficientFunds")
                .with(b -> b.key("tok_visa_debit_chargeDeclinedInsufficientFunds").numberIsOwn(false).funding("debit")));
        rows.add(declined("4000000000009987", LOST, "pm_card_visa_chargeDeclinedLostCard", "pm_card_chargeDeclinedLostCard",
                "tok_visa_chargeDeclinedLostCard", "tok_chargeDeclinedLostCard"));
        rows.add(declined("4000000000009979", STOLEN, "pm_card_visa_chargeDeclinedStolenCard",
                "pm_card_chargeDeclinedStolenCard", "tok_visa_chargeDeclinedStolenCard", "tok_chargeDeclinedStolenCard"));
        rows.add(declined("4000000000000069", EXPIRED, "pm_card_chargeDeclinedExpiredCard",
                "pm_card_visa_chargeDeclinedExpiredCard", "tok_chargeDeclinedExpiredCard", "tok_visa_chargeDeclinedExpiredCard"));
        rows.add(declined("4000000000000127", CVC, "pm_card_chargeDeclinedIncorrectCvc",
                "pm_card_visa_chargeDeclinedIncorrectCvc", "tok_chargeDeclinedIncorrectCvc", "tok_visa_chargeDeclinedIncorrectCvc")
                .with(b -> b.cvcCheck(Check.FAIL).behaviour("refused at attach and at charge (incorrect_cvc) when a CVC was "
                        + "sent; without one Stripe skips the CVC check and the card succeeds")));
        rows.add(declined("4000000000000119", PROCESSING, "pm_card_chargeDeclinedProcessingError",
                "pm_card_visa_chargeDeclinedProcessingError", "tok_chargeDeclinedProcessingError",
                "tok_visa_chargeDeclinedProcessingError"));
        rows.add(declined("4000000000006975", VELOCITY, "pm_card_visa_chargeDeclinedVelocityLimitExceeded",
                "pm_card_chargeDeclinedVelocityLimitExceeded", "tok_visa_chargeDeclinedVelocityLimitExceeded"));
        rows.add(card("4000000000000341", "visa", "credit", "US", "attaches; every charge is declined (generic_decline)",
                "pm_card_chargeCustomerFail", "pm_card_visa_chargeCustomerFail", "tok_chargeCustomerFail",
                "tok_visa_chargeCustomerFail").with(b -> b.chargeDecline(GENERIC)));
        rows.add(card("4000000000000341", "visa", "credit", "US", "attaches; every charge is declined (lost_card)",
                "tok_visa_chargeCustomerFailLostCard")
                .with(b -> b.key("tok_visa_chargeCustomerFailLostCard").numberIsOwn(false).chargeDecline(LOST)));
        rows.add(card("4000000000000341", "visa", "credit", "US", "attaches; every charge is declined (stolen_card)",
                "tok_visa_chargeCustomerFailStolenCard")
                .with(b -> b.key("tok_visa_chargeCustomerFailStolenCard").numberIsOwn(false).chargeDecline(STOLEN)));
        // Fraud prevention (Radar): the fake Stripe account runs Radar's default rules.
        rows.add(card("4100000000000019", "visa", "credit", "US", "risk level highest: Radar always blocks it; refused at "
                        + "attach and at charge (fraudulent)", "pm_card_radarBlock", "pm_card_chargeDeclinedFraudulent",
                "pm_card_visa_chargeDeclinedFraudulent", "tok_radarBlock", "tok_chargeDeclinedFraudulent",
                "tok_visa_chargeDeclinedFraudulent").with(b -> b.radarBlock(true).risk(Risk.HIGHEST)));
        rows.add(card("4000000000004954", "visa", "credit", "US", "risk level highest: attaches; Radar's default rule "
                        + "blocks every charge (fraudulent)", "pm_card_riskLevelHighest", "tok_riskLevelHighest")
                .with(b -> b.risk(Risk.HIGHEST)));
        rows.add(card("4000000000009235", "visa", "credit", "US", "risk level elevated: succeeds (no review queue is emulated)",
                "pm_card_riskLevelElevated", "tok_riskLevelElevated").with(b -> b.risk(Risk.ELEVATED)));
        rows.add(card("4000008400000407", "visa", "credit", "US", "high fraud dispute score: succeeds, as with Radar's "
                + "default settings", "pm_card_highFraudDisputeScore", "tok_highFraudDisputeScore"));
        rows.add(card("4000008400000159", "visa", "credit", "US", "high early fraud warning score: succeeds, as with Radar's "
                + "default settings", "pm_card_highEfwScore", "tok_highEfwScore"));
        rows.add(card("4000008400001017", "visa", "credit", "US", "dynamic risk thresholds: succeeds (the control is off by "
                + "default)", "pm_card_radarDynamicRiskThreshold", "tok_radarDynamicRiskThreshold"));
        rows.add(card("4000008405600003", "visa", "credit", "US", "Adaptive 3DS: succeeds without 3D Secure (the control "
                + "is off by default)", "pm_card_adaptive3dsChallenge", "tok_adaptive3dsChallenge"));
        rows.add(card("4000000000000101", "visa", "credit", "US", "CVC check fails: refused at attach and at charge "
                + "(incorrect_cvc)" + CHECKS_SENT, "pm_card_cvcCheckFail", "tok_cvcCheckFail").with(b -> b.cvcCheck(Check.FAIL)));
        rows.add(card("4000000000000036", "visa", "credit", "US", "postal code check fails: refused at attach and at "
                        + "charge (incorrect_zip)" + CHECKS_SENT, "pm_card_avsZipFail", "tok_avsZipFail")
                .with(b -> b.postalCodeCheck(Check.FAIL)));
        rows.add(card("4000058400307872", "visa", "credit", "US", "CVC check fails, risk level elevated: refused at attach "
                        + "and at charge (incorrect_cvc)" + CHECKS_SENT, "pm_card_cvcCheckFailElevatedRisk",
                "tok_cvcCheckFailElevatedRisk").with(b -> b.cvcCheck(Check.FAIL).risk(Risk.ELEVATED)));
        rows.add(card("4000058400306072", "visa", "credit", "US", "postal code check fails, risk level elevated: refused "
                        + "at attach and at charge (incorrect_zip)" + CHECKS_SENT, "pm_card_avsZipFailElevatedRisk",
                "tok_avsZipFailElevatedRisk").with(b -> b.postalCodeCheck(Check.FAIL).risk(Risk.ELEVATED)));
        rows.add(card("4000000000000028", "visa", "credit", "US", "address line 1 check fails; the payment succeeds",
                "pm_card_avsLine1Fail", "tok_avsLine1Fail").with(b -> b.line1Check(Check.FAIL)));
        rows.add(card("4000000000000010", "visa", "credit", "US", "postal code and line 1 checks fail: refused at attach "
                        + "and at charge (incorrect_zip)" + CHECKS_SENT, "pm_card_avsFail", "tok_avsFail")
                .with(b -> b.postalCodeCheck(Check.FAIL).line1Check(Check.FAIL)));
        rows.add(card("4000000000000044", "visa", "credit", "US", "address checks unavailable; the payment succeeds",
                "pm_card_avsUnchecked", "tok_avsUnchecked")
                .with(b -> b.postalCodeCheck(Check.UNAVAILABLE).line1Check(Check.UNAVAILABLE)));
        // Disputes, refunds and the available balance: the charge succeeds; what follows is not emulated.
        rows.add(later("4000000000000259", "visa", "disputed as fraudulent", "createDispute"));
        rows.add(later("4000000000002685", "visa", "disputed as product not received", "createDisputeProductNotReceived"));
        rows.add(later("4000000000001976", "visa", "disputed as an inquiry", "createDisputeInquiry"));
        rows.add(later("4000000000005423", "visa", "an early fraud warning follows", "createIssuerFraudRecord"));
        rows.add(later("4000000404000079", "visa", "disputed several times", "createMultipleDisputes"));
        rows.add(later("4000000404000038", "visa", "a Visa Compelling Evidence 3.0 dispute follows", "createCe3EligibleDispute"));
        rows.add(later("4000008400000779", "visa", "a Visa compliance dispute follows", "createComplianceDispute"));
        rows.add(later("5105008400000002", "mastercard", "a Mastercard compliance dispute follows",
                "createMastercardComplianceDispute"));
        rows.add(later("4000000001000043", "visa", "a Smart Disputes dispute follows", "createAutoRepresentmentEligibleDispute"));
        rows.add(later("4000000404004816", "visa", "a dispute (Visa Rapid Dispute Resolution) follows",
                "createRapidDisputeResolutionDispute"));
        rows.add(later("4000000404005649", "visa", "a dispute (Verifi CE3 block) follows", "createCe3BlockDispute"));
        rows.add(later("5105000300000018", "mastercard", "a dispute (Ethoca alert) follows", "createEthocaAlert"));
        rows.add(card("4000000000007726", "visa", "credit", "US", "succeeds", "pm_card_pendingRefund", "tok_pendingRefund")
                .with(b -> b.unmodelled("refunds (pending, then succeeded) are not emulated")));
        rows.add(card("4000000000005126", "visa", "credit", "US", "succeeds", "pm_card_refundFail", "tok_refundFail")
                .with(b -> b.unmodelled("refunds (succeeded, then failed) are not emulated")));
        rows.add(card("4000000000000077", "visa", "credit", "US", "succeeds; funds go straight to the available balance",
                "pm_card_bypassPending", "tok_bypassPending"));
        rows.add(card("4000003720000278", "visa", "credit", "IE", "succeeds; funds go straight to the available balance",
                "pm_card_bypassPendingInternational", "tok_bypassPendingInternational"));
        // 3D Secure. Countries other than the documented ones (3220: IE) are read off the ISO 3166 numeric code
        // Stripe's test numbers carry after 400000 (250 France, 276 Germany, 380 Italy, 826 United Kingdom).
        rows.add(threeDs("4000002500003155", ThreeDSecure.REQUIRED_UNLESS_SET_UP, null, "FR", "3D Secure when saved and for "
                + "every on-session payment; once saved with a SetupIntent, off-session payments go through",
                "pm_card_authenticationRequiredOnSetup"));
        rows.add(threeDs("4000002760003184", ThreeDSecure.REQUIRED, null, "DE", "3D Secure for every payment and when saved; "
                + "off-session payments are declined (authentication_required)", "pm_card_authenticationRequired"));
        rows.add(threeDs("4000003800000446", ThreeDSecure.REQUIRED_ON_SESSION, null, "IT", "already set up for off-session "
                + "use: off-session payments go through; on-session ones need 3D Secure",
                "pm_card_authenticationRequiredSetupForOffSession"));
        rows.add(threeDs("4000008260003178", ThreeDSecure.REQUIRED, INSUFFICIENT, "GB", "3D Secure, then declined "
                + "(insufficient_funds) even after authentication", "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds"));
        rows.add(threeDs("4000000000003220", ThreeDSecure.REQUIRED, null, "IE", "3D Secure 2 required, then succeeds",
                "pm_card_threeDSecure2Required", "tok_threeDSecure2Required"));
        rows.add(threeDs("4000008400000027", ThreeDSecure.REQUIRED, null, "US", "3D Secure 2 required, then succeeds"));
        rows.add(threeDs("4000008400001629", ThreeDSecure.REQUIRED, GENERIC, "US", "3D Secure required, then declined "
                + "(generic_decline)", "pm_card_threeDSecureRequiredChargeDeclined", "tok_threeDSecureRequiredChargeDeclined"));
        rows.add(threeDs("4000008400001280", ThreeDSecure.LOOKUP_FAILS, null, "US", "3D Secure required but its lookup "
                        + "fails: refused at attach and at charge (card_declined)", "pm_card_threeDSecureRequiredProcessingError",
                "tok_threeDSecureRequiredProcessingError"));
        rows.add(threeDs("4000000000003055", ThreeDSecure.OPTIONAL, null, "US", "3D Secure supported, not required: succeeds",
                "pm_card_threeDSecureOptional", "tok_threeDSecureOptional"));
        rows.add(threeDs("4000000000003097", ThreeDSecure.OPTIONAL, null, "US", "3D Secure supported, not required: "
                        + "succeeds (attempting it would fail; Radar's default rules do not request it)",
                "pm_card_threeDSecureOptionalProcessingError", "tok_threeDSecureOptionalProcessingError"));
        rows.add(threeDs("4000000032200000", ThreeDSecure.FRICTIONLESS, null, "US", "3D Secure passed without the customer "
                + "(frictionless): succeeds"));
        rows.add(threeDs("4000000000003063", ThreeDSecure.REQUIRED, null, "US", "legacy 3D Secure 1 card: 3D Secure "
                + "required, then succeeds", "pm_card_threeDSecureRequired", "tok_threeDSecureRequired"));
        for (String number : List.of("4000582600000094", "4000582600000045", "4000582600000102", "4000582600000110")) {
            rows.add(threeDs(number, ThreeDSecure.REQUIRED, null, "GB", "3D Secure 2 required (mobile challenge flow), then "
                    + "succeeds"));
        }
        // Captcha and in-person cards behave as plain cards when paid online.
        rows.add(card("4000000000001208", "visa", "credit", "US", "succeeds (the captcha challenge is not emulated)"));
        rows.add(card("4000000000003725", "visa", "credit", "US", "succeeds (the captcha challenge is not emulated)"));
        rows.add(card("4001007020000002", "visa", "credit", "SG", "succeeds online (its in-person offline PIN is not emulated)"));
        rows.add(card("4000008260000075", "visa", "credit", "GB", "succeeds online (its in-person PIN retry is not emulated)"));
        rows.add(card("4001000360000005", "visa", "credit", "AU", "succeeds online (its in-person online PIN is not emulated)"));
        rows.add(card("4000002760000008", "visa", "credit", "DE", "succeeds online (its in-person PIN retry is not emulated)"));
        return List.copyOf(rows);
    }

    private static TestCard international(String[] country) {
        String[] brand = country[2].split(" ");
        String funding = brand.length > 1 ? brand[1] : "credit";
        String suffix = country[3];
        String[] ids = suffix == null ? new String[0] : new String[] {"pm_card_" + suffix, "tok_" + suffix};
        TestCard row = card(country[1], brand[0].equals("carnet") ? "unknown" : brand[0], funding, country[0],
                "succeeds (" + country[0] + (brand[0].equals("visa") ? "" : ", " + brand[0]) + ")", ids);
        return brand[0].equals("carnet") ? row.with(b -> b.displayBrand("carnet")) : row;
    }

    private static TestCard card(String number, String brand, String funding, String country, String behaviour, String... ids) {
        List<String> paymentMethods = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String id : ids) {
            (id.startsWith("tok_") ? tokens : paymentMethods).add(id);
        }
        return new TestCard(number, number, true, List.copyOf(paymentMethods), List.copyOf(tokens), brand, brand, funding,
                country, null, null, false, Risk.NORMAL, ThreeDSecure.OPTIONAL, null, Check.PASS, Check.PASS, Check.PASS,
                behaviour, null);
    }

    private static TestCard declined(String number, Decline decline, String... ids) {
        return card(number, "visa", "credit", "US", "refused at attach and at charge (" + decline.declineCode() + ")", ids)
                .with(b -> b.issuerDecline(decline));
    }

    private static TestCard later(String number, String brand, String what, String suffix) {
        return card(number, brand, "credit", "US", "succeeds; " + what, "pm_card_" + suffix, "tok_" + suffix)
                .with(b -> b.unmodelled(DISPUTE));
    }

    private static TestCard threeDs(String number, ThreeDSecure threeDSecure, Decline after, String country,
                                    String behaviour, String... ids) {
        return card(number, "visa", "credit", country, behaviour, ids)
                .with(b -> b.threeDSecure(threeDSecure).declineAfterAuthentication(after));
    }

    private static Map<String, TestCard> indexByNumber() {
        Map<String, TestCard> index = new LinkedHashMap<>();
        for (TestCard card : MATRIX) {
            if (card.numberIsOwn() && index.putIfAbsent(card.number(), card) != null) {
                throw new IllegalStateException("two rows claim " + card.number());
            }
        }
        return Map.copyOf(index);
    }

    private static Map<String, TestCard> indexByTestId() {
        Map<String, TestCard> index = new LinkedHashMap<>();
        for (TestCard card : MATRIX) {
            for (String id : card.testIds()) {
                if (index.putIfAbsent(id, card) != null) {
                    throw new IllegalStateException("two rows claim " + id);
                }
            }
        }
        return Map.copyOf(index);
    }

    private static Map<String, TestCard> indexByKey() {
        Map<String, TestCard> index = new LinkedHashMap<>();
        for (TestCard card : MATRIX) {
            if (index.putIfAbsent(card.key(), card) != null) {
                throw new IllegalStateException("two rows have the key " + card.key());
            }
        }
        return Map.copyOf(index);
    }

    private static Map<String, Decline> declines() {
        Map<String, Decline> index = new LinkedHashMap<>();
        for (TestCard card : MATRIX) {
            for (Decline decline : new Decline[] {card.issuerDecline(), card.chargeDecline(), card.declineAfterAuthentication()}) {
                if (decline != null) {
                    index.putIfAbsent(decline.declineCode(), decline);
                }
            }
        }
        for (Decline decline : new Decline[] {FRAUDULENT, INCORRECT_ZIP, AUTHENTICATION_REQUIRED, AUTHENTICATION_FAILED,
                LIVE_CARD_IN_TEST_MODE}) {
            index.putIfAbsent(decline.declineCode(), decline);
        }
        return Map.copyOf(index);
    }

    /** Changes one row into another (the rows above are written as a plain card plus what is special about it). */
    @FunctionalInterface
    private interface Builder {
        Mutable apply(Mutable row);
    }

    private static final class Mutable {
        private String key;
        private final String number;
        private boolean numberIsOwn;
        private final List<String> paymentMethods;
        private final List<String> tokens;
        private final String brand;
        private String displayBrand;
        private String funding;
        private final String country;
        private Decline issuerDecline;
        private Decline chargeDecline;
        private boolean radarBlock;
        private Risk risk;
        private ThreeDSecure threeDSecure;
        private Decline declineAfterAuthentication;
        private Check cvcCheck;
        private Check postalCodeCheck;
        private Check line1Check;
        private String behaviour;
        private String unmodelled;

        Mutable(TestCard row) {
            key = row.key();
            number = row.number();
            numberIsOwn = row.numberIsOwn();
            paymentMethods = row.paymentMethods();
            tokens = row.tokens();
            brand = row.brand();
            displayBrand = row.displayBrand();
            funding = row.funding();
            country = row.country();
            issuerDecline = row.issuerDecline();
            chargeDecline = row.chargeDecline();
            radarBlock = row.radarBlock();
            risk = row.risk();
            threeDSecure = row.threeDSecure();
            declineAfterAuthentication = row.declineAfterAuthentication();
            cvcCheck = row.cvcCheck();
            postalCodeCheck = row.postalCodeCheck();
            line1Check = row.line1Check();
            behaviour = row.behaviour();
            unmodelled = row.unmodelled();
        }

        Mutable key(String value) { key = value; return this; }
        Mutable numberIsOwn(boolean value) { numberIsOwn = value; return this; }
        Mutable displayBrand(String value) { displayBrand = value; return this; }
        Mutable funding(String value) { funding = value; return this; }
        Mutable issuerDecline(Decline value) { issuerDecline = value; chargeDecline = value; return this; }
        Mutable chargeDecline(Decline value) { chargeDecline = value; return this; }
        Mutable radarBlock(boolean value) { radarBlock = value; return this; }
        Mutable risk(Risk value) { risk = value; return this; }
        Mutable threeDSecure(ThreeDSecure value) { threeDSecure = value; return this; }
        Mutable declineAfterAuthentication(Decline value) { declineAfterAuthentication = value; return this; }
        Mutable cvcCheck(Check value) { cvcCheck = value; return this; }
        Mutable postalCodeCheck(Check value) { postalCodeCheck = value; return this; }
        Mutable line1Check(Check value) { line1Check = value; return this; }
        Mutable behaviour(String value) { behaviour = value; return this; }
        Mutable unmodelled(String value) { unmodelled = value; return this; }

        TestCard build() {
            return new TestCard(key, number, numberIsOwn, paymentMethods, tokens, brand, displayBrand, funding, country,
                    issuerDecline, chargeDecline, radarBlock, risk, threeDSecure, declineAfterAuthentication, cvcCheck,
                    postalCodeCheck, line1Check, behaviour, unmodelled);
        }
    }
}
