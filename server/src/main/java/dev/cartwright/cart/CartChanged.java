package dev.cartwright.cart;

import java.util.UUID;

/** A cart has a new version. Published inside the changing transaction; act on it after commit. */
public record CartChanged(UUID cartId) {}
