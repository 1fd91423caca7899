package dev.cartwright.inventory;

import java.util.Set;

/** What is available of these products changed. Published inside the changing transaction; act on it after commit. */
public record StockChanged(Set<Long> productIds) {}
