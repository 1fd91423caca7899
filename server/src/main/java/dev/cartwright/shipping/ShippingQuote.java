package dev.cartwright.shipping;

import java.util.List;

/** The methods to one destination, priced for the caller's cart: {@code goods} is its subtotal after the discount. */
record ShippingQuote(String country, ShippingZone zone, long goods, String currency, List<ShippingOption> methods) {}
