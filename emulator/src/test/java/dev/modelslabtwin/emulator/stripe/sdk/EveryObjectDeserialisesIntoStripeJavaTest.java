package dev.modelslabtwin.emulator.stripe.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.annotations.SerializedName;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.ExpandableField;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.Token;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of object the fake Stripe answers with — in every state the emulator puts it in, as a
 * publishable key and as the secret key see it, errors included — deserialises into stripe-java's typed
 * model (33.3.0, API version 2026-07-29.dahlia) with no field stripe-java does not know (at any depth)
 * and every field Stripe always returns present.
 * <p>
 * The always-returned fields are the non-optional properties of Stripe's OpenAPI specification as
 * stripe-node 23.2.0 types them ({@code types/*.d.ts}), less the two newer than stripe-java 33.3.0's
 * models ({@code PaymentIntent.payment_record}, {@code checkout.Session.allowed_payment_method_types}).
 * A publishable key sees exactly the intents' publishable fields.
 */
class EveryObjectDeserialisesIntoStripeJavaTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.sharedWithoutReset();

    private static final Map<Class<?>, List<String>> ALWAYS_RETURNED = Map.of(
            PaymentIntent.class, List.of("id", "object", "allowed_payment_method_types", "amount", "amount_capturable",
                    "amount_received", "application", "application_fee_amount", "automatic_payment_methods", "canceled_at",
                    "cancellation_reason", "capture_method", "client_secret", "confirmation_method", "created", "currency",
                    "customer", "customer_account", "description", "excluded_payment_method_types", "last_payment_error",
                    "latest_charge", "livemode", "managed_payments", "metadata", "next_action", "on_behalf_of",
                    "payment_method", "payment_method_configuration_details", "payment_method_options",
                    "payment_method_types", "processing", "receipt_email", "review", "setup_future_usage", "shipping",
                    "source", "statement_descriptor", "statement_descriptor_suffix", "status", "transfer_group"),
            SetupIntent.class, List.of("id", "object", "allowed_payment_method_types", "application",
                    "automatic_payment_methods", "cancellation_reason", "client_secret", "created", "customer",
                    "description", "excluded_payment_method_types", "last_setup_error", "latest_attempt", "livemode",
                    "mandate", "metadata", "next_action", "on_behalf_of", "payment_method",
                    "payment_method_configuration_details", "payment_method_options", "payment_method_types",
                    "single_use_mandate", "status", "usage"),
            PaymentMethod.class, List.of("id", "object", "billing_details", "created", "customer", "customer_account",
                    "livemode", "metadata", "type", "card.brand", "card.checks", "card.country", "card.display_brand",
                    "card.exp_month", "card.exp_year", "card.funding", "card.generated_from", "card.last4", "card.networks",
                    "card.regulated_status", "card.three_d_secure_usage", "card.wallet"),
            Charge.class, List.of("id", "object", "amount", "amount_captured", "amount_refunded", "application",
                    "application_fee", "application_fee_amount", "balance_transaction", "billing_details",
                    "calculated_statement_descriptor", "captured", "created", "currency", "customer", "description",
                    "disputed", "failure_balance_transaction", "failure_code", "failure_message", "fraud_details",
                    "livemode", "metadata", "on_behalf_of", "outcome", "paid", "payment_intent", "payment_method",
                    "payment_method_details", "receipt_email", "receipt_number", "receipt_url", "refunded", "review",
                    "shipping", "source", "source_transfer", "statement_descriptor", "statement_descriptor_suffix",
                    "status", "transfer_data", "transfer_group", "outcome.advice_code", "outcome.network_advice_code",
                    "outcome.network_decline_code", "outcome.network_status", "outcome.reason", "outcome.seller_message",
                    "outcome.type"),
            Token.class, List.of("id", "object", "client_ip", "created", "livemode", "type", "used", "card.id",
                    "card.object", "card.address_city", "card.address_country", "card.address_line1",
                    "card.address_line1_check", "card.address_line2", "card.address_state", "card.address_zip",
                    "card.address_zip_check", "card.brand", "card.country", "card.cvc_check", "card.dynamic_last4",
                    "card.exp_month", "card.exp_year", "card.funding", "card.last4", "card.metadata", "card.name",
                    "card.regulated_status", "card.tokenization_method"),
            Session.class, List.of("id", "object", "adaptive_pricing", "after_expiration", "allow_promotion_codes",
                    "amount_subtotal", "amount_total", "automatic_tax", "billing_address_collection", "cancel_url",
                    "client_reference_id", "client_secret", "collected_information", "consent", "consent_collection",
                    "created", "currency", "currency_conversion", "custom_fields", "custom_text", "customer",
                    "customer_account", "customer_creation", "customer_details", "customer_email", "discounts",
                    "expires_at", "integration_identifier", "invoice", "invoice_creation", "livemode", "locale",
                    "managed_payments", "metadata", "mode", "origin_context", "payment_intent", "payment_link",
                    "payment_method_collection", "payment_method_configuration_details", "payment_method_options",
                    "payment_method_types", "payment_status", "permissions", "recovered_from",
                    "saved_payment_method_options", "setup_intent", "shipping_address_collection", "shipping_cost",
                    "shipping_options", "status", "submit_type", "subscription", "success_url", "total_details",
                    "ui_mode", "url", "wallet_options"),
            Customer.class, List.of("id", "object", "balance", "created", "default_source", "description", "email",
                    "invoice_settings", "livemode", "metadata", "shipping"));

    /** The fields Stripe shows a publishable key (its object reference; stripe-js's types list the same). */
    private static final Map<Class<?>, Set<String>> PUBLISHABLE = Map.of(
            PaymentIntent.class, Set.of("id", "object", "amount", "automatic_payment_methods", "canceled_at",
                    "cancellation_reason", "capture_method", "client_secret", "confirmation_method", "created", "currency",
                    "description", "last_payment_error", "livemode", "next_action", "payment_method", "payment_method_types",
                    "processing", "receipt_email", "setup_future_usage", "shipping", "status"),
            SetupIntent.class, Set.of("id", "object", "cancellation_reason", "client_secret", "created", "description",
                    "last_setup_error", "livemode", "next_action", "payment_method", "payment_method_types", "status",
                    "usage"));

    private static final Map<String, JsonNode> SECRET_VIEW = new LinkedHashMap<>();
    private static final Map<String, JsonNode> PUBLISHABLE_VIEW = new LinkedHashMap<>();
    private static final Map<String, JsonNode> ERRORS = new LinkedHashMap<>();

    /** Puts one of each object, in each state, into the maps above. */
    @BeforeAll
    static void everyObjectInEveryState() {
        Stripe stripe = new Stripe();
        TestHttp api = emu.as(emu.newAccount().token());
        String year = Long.toString(emu.clock().instant().atZone(java.time.ZoneOffset.UTC).getYear() + 3L);

        JsonNode card = stripe.pk("POST", "/v1/payment_methods", "type=card&card[number]=4000000000000028&card[exp_month]=12"
                + "&card[exp_year]=" + year + "&card[cvc]=123&billing_details[name]=Ada&billing_details[address][postal_code]="
                + "94107&billing_details[address][line1]=1+Road&metadata[order]=42", 200);
        PUBLISHABLE_VIEW.put("payment method, unattached", card);
        JsonNode token = stripe.pk("POST", "/v1/tokens", "card[number]=4242424242424242&card[exp_month]=12&card[exp_year]="
                + year + "&card[cvc]=123&card[address_zip]=94107&card[name]=Ada", 200);
        PUBLISHABLE_VIEW.put("token", token);
        stripe.pk("POST", "/v1/payment_methods", "type=card&card[token]=" + token.path("id").asText(), 200);
        SECRET_VIEW.put("token, used", stripe.secret("GET", "/v1/tokens/" + token.path("id").asText(), null, 200));

        JsonNode setup = api.post("/billing/setup-intent", null).json().path("data");
        String setupPath = "/v1/setup_intents/" + setup.path("setup_intent_id").asText();
        String setupSecret = "client_secret=" + setup.path("client_secret").asText();
        PUBLISHABLE_VIEW.put("setup intent, new", stripe.pk("GET", setupPath + "?" + setupSecret, null, 200));
        ERRORS.put("card error on a setup intent", stripe.pk("POST", setupPath + "/confirm", setupSecret
                + "&payment_method=pm_card_chargeDeclinedIncorrectCvc", 402));
        PUBLISHABLE_VIEW.put("setup intent, declined", stripe.pk("GET", setupPath + "?" + setupSecret, null, 200));
        PUBLISHABLE_VIEW.put("setup intent, awaiting 3D Secure", stripe.pk("POST", setupPath + "/confirm", setupSecret
                + "&payment_method=pm_card_authenticationRequired", 200));
        emu.controlPost("/payments/" + setup.path("setup_intent_id").asText() + "/authenticate", "{\"outcome\": \"approve\"}");
        PUBLISHABLE_VIEW.put("setup intent, succeeded, card expanded", stripe.pk("GET", setupPath + "?" + setupSecret
                + "&expand[]=payment_method", null, 200));
        SECRET_VIEW.put("setup intent, succeeded", stripe.secret("GET", setupPath + "?expand[]=customer", null, 200));
        String saved = SECRET_VIEW.get("setup intent, succeeded").path("payment_method").asText();
        SECRET_VIEW.put("payment method, attached", stripe.secret("GET", "/v1/payment_methods/" + saved, null, 200));

        JsonNode awaiting = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"pm_card_threeDSecure2Required\"}")
                .json().path("data").path("payment");
        String awaitingPath = "/v1/payment_intents/" + awaiting.path("payment_intent_id").asText();
        PUBLISHABLE_VIEW.put("payment intent, awaiting 3D Secure", stripe.pk("GET", awaitingPath + "?client_secret="
                + awaiting.path("client_secret").asText(), null, 200));
        SECRET_VIEW.put("payment intent, awaiting 3D Secure", stripe.secret("GET", awaitingPath, null, 200));
        emu.controlPost("/payments/" + awaiting.path("payment_intent_id").asText() + "/authenticate", "{\"outcome\": \"approve\"}");
        SECRET_VIEW.put("payment intent, succeeded after 3D Secure, charge expanded", stripe.secret("GET", awaitingPath
                + "?expand[]=latest_charge&expand[]=payment_method&expand[]=customer", null, 200));
        SECRET_VIEW.put("charge, succeeded after 3D Secure", stripe.secret("GET", "/v1/charges/" + SECRET_VIEW
                .get("payment intent, succeeded after 3D Secure, charge expanded").path("latest_charge").path("id").asText()
                + "?expand[]=payment_intent", null, 200));

        String declined = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"pm_card_chargeCustomerFail\"}")
                .json().path("error").path("details").path("payment_intent_id").asText();
        JsonNode declinedIntent = stripe.secret("GET", "/v1/payment_intents/" + declined, null, 200);
        SECRET_VIEW.put("payment intent, declined", declinedIntent);
        SECRET_VIEW.put("charge, declined by the issuer", stripe.secret("GET", "/v1/charges/"
                + declinedIntent.path("latest_charge").asText(), null, 200));
        ERRORS.put("card error on a payment intent", stripe.pk("POST", "/v1/payment_intents/" + declined + "/confirm",
                "client_secret=" + declinedIntent.path("client_secret").asText() + "&payment_method=pm_card_riskLevelHighest", 402));
        SECRET_VIEW.put("charge, blocked by Radar", stripe.secret("GET", "/v1/charges/" + ERRORS
                .get("card error on a payment intent").path("error").path("charge").asText(), null, 200));
        PUBLISHABLE_VIEW.put("payment intent, declined", stripe.pk("GET", "/v1/payment_intents/" + declined
                + "?client_secret=" + declinedIntent.path("client_secret").asText(), null, 200));

        JsonNode session = emu.as(emu.newAccount().token()).post("/wallet/fund", "{\"amount\": 25}").json().path("data");
        String sessionPath = "/v1/checkout/sessions/" + session.path("session_id").asText();
        SECRET_VIEW.put("checkout session, open", stripe.secret("GET", sessionPath, null, 200));
        emu.controlPost("/checkout/sessions/" + session.path("session_id").asText() + "/pay", "{\"payment_method\": \"pm_card_visa\"}");
        SECRET_VIEW.put("checkout session, complete, payment intent expanded", stripe.secret("GET", sessionPath
                + "?expand[]=payment_intent.latest_charge&expand[]=customer", null, 200));
        SECRET_VIEW.put("customer", stripe.secret("GET", "/v1/customers/" + SECRET_VIEW
                .get("setup intent, succeeded").path("customer").path("id").asText(), null, 200));

        ERRORS.put("invalid request", stripe.pk("POST", "/v1/payment_methods", "type=card&card[numbr]=1", 400));
        ERRORS.put("publishable key refused", stripe.pk("GET", sessionPath, null, 401));
        ERRORS.put("resource missing", stripe.secret("GET", "/v1/payment_intents/pi_nope", null, 404));
    }

    @Test
    void everyObjectIsAStripeJavaObjectWithNoUnknownField() {
        Map<String, JsonNode> all = new LinkedHashMap<>(SECRET_VIEW);
        all.putAll(PUBLISHABLE_VIEW);
        List<String> problems = new ArrayList<>();
        all.forEach((state, json) -> {
            Class<?> type = typeOf(json);
            assertEquals(json.path("id").asText(), ((com.stripe.model.HasId) ApiResource.GSON.fromJson(json.toString(), type))
                    .getId(), state);
            unknownFields(json, type, state, problems);
        });
        ERRORS.forEach((state, json) -> {
            StripeError error = ApiResource.GSON.fromJson(json.path("error").toString(), StripeError.class);
            assertTrue(error.getType() != null && error.getMessage() != null, state);
            unknownFields(json.path("error"), StripeError.class, state, problems);
        });

        assertEquals(List.of(), problems);
    }

    @Test
    void theSecretKeySeesEveryFieldStripeAlwaysReturns() {
        List<String> problems = new ArrayList<>();
        SECRET_VIEW.forEach((state, json) -> {
            for (String field : ALWAYS_RETURNED.get(typeOf(json))) {
                JsonNode node = json;
                for (String step : field.split("\\.")) {
                    node = node.path(step);
                }
                if (node.isMissingNode()) {
                    problems.add(state + ": " + field);
                }
            }
        });

        assertEquals(List.of(), problems);
    }

    @Test
    void aPublishableKeySeesExactlyThePublishableFieldsOfAnIntent() {
        PUBLISHABLE_VIEW.forEach((state, json) -> {
            Set<String> publishable = PUBLISHABLE.get(typeOf(json));
            if (publishable != null) {
                Set<String> seen = new TreeSet<>();
                json.fieldNames().forEachRemaining(seen::add);
                assertEquals(new TreeSet<>(publishable), seen, state);
            }
        });
    }

    @Test
    void everyKindOfObjectAndErrorWasSeen() {
        Set<Class<?>> seen = new java.util.HashSet<>();
        SECRET_VIEW.values().forEach(json -> seen.add(typeOf(json)));
        PUBLISHABLE_VIEW.values().forEach(json -> seen.add(typeOf(json)));

        assertEquals(ALWAYS_RETURNED.keySet(), seen);
        assertEquals(5, ERRORS.size());
    }

    private static Class<?> typeOf(JsonNode json) {
        return switch (json.path("object").asText()) {
            case "payment_intent" -> PaymentIntent.class;
            case "setup_intent" -> SetupIntent.class;
            case "payment_method" -> PaymentMethod.class;
            case "charge" -> Charge.class;
            case "token" -> Token.class;
            case "checkout.session" -> Session.class;
            case "customer" -> Customer.class;
            default -> throw new AssertionError("an object the test does not know: " + json);
        };
    }

    /** Walks {@code json} alongside stripe-java's class for it, collecting every field the class lacks. */
    private static void unknownFields(JsonNode json, Type type, String path, List<String> problems) {
        Class<?> raw = raw(type);
        if (json.isArray()) {
            Type element = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : Object.class;
            json.forEach(item -> unknownFields(item, element, path + "[]", problems));
            return;
        }
        if (!json.isObject() || Map.class.isAssignableFrom(raw) || raw == Object.class) {
            return;
        }
        if (raw == ExpandableField.class) {
            unknownFields(json, ((ParameterizedType) type).getActualTypeArguments()[0], path, problems);
            return;
        }
        Map<String, Field> fields = serializedFields(raw);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Field field = fields.get(entry.getKey());
            if (field == null) {
                problems.add(path + "." + entry.getKey() + " is unknown to " + raw.getName());
            } else {
                unknownFields(entry.getValue(), field.getGenericType(), path + "." + entry.getKey(), problems);
            }
        }
    }

    private static Map<String, Field> serializedFields(Class<?> type) {
        Map<String, Field> fields = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                SerializedName name = field.getAnnotation(SerializedName.class);
                if (name != null) {
                    fields.putIfAbsent(name.value(), field);
                }
            }
        }
        return fields;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : Object.class;
    }

    /** Raw requests to the fake Stripe: with the publishable key under /v1, or the secret key's view. */
    private static final class Stripe {

        JsonNode pk(String method, String path, String form, int status) {
            return send(method, path, form, Map.of("Authorization", "Bearer " + emu.emulator().services().publishableKey()),
                    status);
        }

        JsonNode secret(String method, String path, String form, int status) {
            return send(method, "/_emulator/stripe" + path, form, Map.of(), status);
        }

        private JsonNode send(String method, String path, String form, Map<String, String> auth, int status) {
            Map<String, String> headers = new LinkedHashMap<>(auth);
            if (form != null) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            TestHttp.Answer answer = new TestHttp(emu.emulator().baseUrl()).sendToRoot(method, path, form, headers);
            assertEquals(status, answer.status(), method + " " + path + ": " + answer.body());
            return answer.json();
        }
    }
}
