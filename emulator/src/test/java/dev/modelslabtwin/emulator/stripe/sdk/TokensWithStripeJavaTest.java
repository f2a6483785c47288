package dev.modelslabtwin.emulator.stripe.sdk;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Token;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.TokenCreateParams;
import dev.modelslabtwin.emulator.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripe's card tokens with stripe-java: {@code POST /v1/tokens} with the publishable key, a token used
 * once to make a PaymentMethod ({@code card[token]}), the test tokens of Stripe's documentation used as
 * often as wanted, and a token read back only with the secret key.
 */
class TokensWithStripeJavaTest {

    @RegisterExtension
    static final StripeSdk sdk = new StripeSdk();
    static final TestEmulator emu = sdk.emulator();

    @Test
    void aCardBecomesATypedSingleUseToken() throws StripeException {
        Token token = Token.create(token(card("4000056655665556").setAddressZip("94107").setName("Ada Lovelace")));

        assertTrue(token.getId().startsWith("tok_"));
        assertEquals("card", token.getType());
        assertFalse(token.getUsed());
        assertEquals("Visa", token.getCard().getBrand());
        assertEquals("debit", token.getCard().getFunding());
        assertEquals("5556", token.getCard().getLast4());
        assertEquals("unchecked", token.getCard().getCvcCheck());
        assertEquals("unchecked", token.getCard().getAddressZipCheck());
        assertEquals("94107", token.getCard().getAddressZip());
    }

    @Test
    void aTokenMakesOnePaymentMethodAndIsThenUsedUp() throws StripeException {
        Token token = Token.create(token(card("5555555555554444")));

        PaymentMethod card = PaymentMethod.create(withToken(token.getId()));
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> PaymentMethod.create(withToken(token.getId())));

        assertEquals("mastercard", card.getCard().getBrand());
        assertEquals("4444", card.getCard().getLast4());
        assertEquals("token_already_used", again.getCode());
        assertTrue(Token.retrieve(token.getId(), sdk.secretView()).getUsed(), "the secret key sees it used");
    }

    @Test
    void theDocumentedTestTokensMakePaymentMethodsOfTheirCardAsOftenAsWanted() throws StripeException {
        assertEquals("4242", PaymentMethod.create(withToken("tok_visa")).getCard().getLast4());
        assertEquals("4242", PaymentMethod.create(withToken("tok_visa")).getCard().getLast4());
        assertEquals("amex", PaymentMethod.create(withToken("tok_amex_threeDSecureNotSupported")).getCard().getBrand());
        assertEquals("0002", PaymentMethod.create(withToken("tok_chargeDeclined")).getCard().getLast4());
    }

    @Test
    void anUnknownTokenIsResourceMissing() {
        InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                () -> PaymentMethod.create(withToken("tok_doesNotExist")));

        assertEquals(404, missing.getStatusCode());
        assertEquals("resource_missing", missing.getCode());
    }

    @Test
    void cardDataStripeRefusesMakesNoToken() {
        CardException refused = assertThrows(CardException.class, () -> Token.create(token(card("4242424242424241"))));

        assertEquals("incorrect_number", refused.getCode());
    }

    @Test
    void thePublishableKeyCannotReadATokenBack() throws StripeException {
        Token token = Token.create(token(card("4242424242424242")));

        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> Token.retrieve(token.getId()));

        assertEquals(401, refused.getStatusCode());
        assertTrue(refused.getMessage().startsWith("This API call cannot be made with a publishable API key."));
    }

    private static TokenCreateParams.Card.Builder card(String number) {
        return TokenCreateParams.Card.builder().setNumber(number).setExpMonth("12")
                .setExpYear(Long.toString(sdk.futureYear())).setCvc("123");
    }

    private static TokenCreateParams token(TokenCreateParams.Card.Builder card) {
        return TokenCreateParams.builder().setCard(card.build()).build();
    }

    private static PaymentMethodCreateParams withToken(String token) {
        return PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
                .setCard(PaymentMethodCreateParams.Token.builder().setToken(token).build()).build();
    }
}
