package dev.cartwright.cart;

import org.jspecify.annotations.Nullable;

/** A locked cart as a checkout starts from it, with the terms of its coupon if it has one. */
public record CheckoutBasket(CartView cart, Pricing.@Nullable Discount coupon) {}
