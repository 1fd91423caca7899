package dev.cartwright.platform;

import java.math.BigDecimal;
import java.util.Currency;

/** Minor units as a shopper reads them in a message: 1250 EUR is "12.50 EUR". */
public final class Money {

    private Money() {}

    public static String format(long minorUnits, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }
}
