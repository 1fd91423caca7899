package dev.cartwright.shipping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an order travels. A checkout that names none ships STANDARD, as the storefront did before it could choose. */
public enum ShippingMethod {
    STANDARD("Standard"), EXPRESS("Express");

    private final String label;

    ShippingMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The method a request names, in any letter case; empty for one the shop does not have. */
    public static Optional<ShippingMethod> named(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(method -> method.name().equals(wanted)).findFirst();
    }
}
