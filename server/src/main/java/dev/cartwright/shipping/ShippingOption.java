package dev.cartwright.shipping;

import dev.cartwright.cart.Pricing;

/**
 * A method the shopper may choose: its {@code price} for the cart as it is now, and the
 * {@code rate} it comes from, so that a client prices changes to the cart as checkout will.
 */
record ShippingOption(ShippingMethod method, String name, long price, Pricing.ShippingRate rate, int minDays,
        int maxDays) {}
