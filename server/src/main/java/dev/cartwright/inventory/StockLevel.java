package dev.cartwright.inventory;

/**
 * Units of a product that can be sold now, and the version of that figure: it grows with every
 * change of stock on hand or reserved, so of two figures the one with the higher version is newer.
 */
public record StockLevel(long productId, int available, long version) {}
