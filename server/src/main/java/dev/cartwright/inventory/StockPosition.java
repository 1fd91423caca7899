package dev.cartwright.inventory;

/**
 * A product's stock as operators see it: on hand, reserved for checkouts, how many open checkouts
 * (reserved or being paid) hold some of it, and the version of these figures.
 */
public record StockPosition(long productId, int onHand, int reserved, int openCheckouts, long version) {

    public int available() {
        return onHand - reserved;
    }
}
