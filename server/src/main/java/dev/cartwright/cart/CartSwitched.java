package dev.cartwright.cart;

import java.util.UUID;

/**
 * A shopper now uses another cart: they joined one, left one or were removed from one. Their
 * screens must show the cart they use now. Published inside the changing transaction; act on it
 * after commit.
 */
public record CartSwitched(UUID shopperId) {}
