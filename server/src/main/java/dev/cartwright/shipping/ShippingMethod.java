package dev.cartwright.shipping;

import java.util.Arrays;
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

    /** The method a request names, spelled exactly as the API documents it; empty for any other. */
    public static Optional<ShippingMethod> named(String name) {
        return Arrays.stream(values()).filter(method -> method.name().equals(name)).findFirst();
    }
}
