package dev.modelslabtwin.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Money compared as amounts: 50, 50.0 and 50.00 are the same fifty dollars, whatever parsed the JSON. */
public final class MoneyAssertions {

    private MoneyAssertions() {
    }

    public static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected $" + expected + " but was $" + actual);
    }

    public static void assertMoney(String expected, JsonNode actual) {
        assertMoney(expected, new BigDecimal(actual.asText()));
    }
}
