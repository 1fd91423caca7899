package dev.cartwright.catalog;

/** A product as stored; {@code unitPrice} is in minor units of the store's currency. */
public record Product(long id, String sku, String name, String description, long unitPrice, String imageUrl) {}
