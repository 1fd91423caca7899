package dev.cartwright.cart;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a checkout takes from a cart: its selected lines (with what is available of each, as a
 * view shows them), their totals and the terms of the cart's coupon if it has one.
 */
public record CheckoutSelection(UUID cartId, List<CartView.Line> lines, CartView.Totals totals,
        Pricing.@Nullable Discount coupon) {}
