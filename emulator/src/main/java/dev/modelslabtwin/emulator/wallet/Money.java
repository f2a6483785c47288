package dev.modelslabtwin.emulator.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts of US dollars as the API writes them: exact to the cent, always with two decimals. */
public final class Money {

    private Money() {
    }

    /** {@code amount} with two decimals; the contract already refused anything finer than a cent. */
    public static BigDecimal usd(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** {@code percent} % of {@code amount}, rounded half up to the cent. */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
