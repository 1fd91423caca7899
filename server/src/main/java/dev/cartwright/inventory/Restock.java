package dev.cartwright.inventory;

/** What became of setting a product's stock on hand. */
public sealed interface Restock {

    record Restocked(long productId, int onHand, int reserved) implements Restock {}

    /** Units are held for checkouts; on hand may not go below them. Nothing changed. */
    record BelowReserved(long productId, int reserved) implements Restock {}

    record UnknownProduct(long productId) implements Restock {}
}
