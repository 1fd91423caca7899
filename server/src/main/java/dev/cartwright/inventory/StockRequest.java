package dev.cartwright.inventory;

/** Units of one product that a checkout wants. */
public record StockRequest(long productId, int quantity) {}
