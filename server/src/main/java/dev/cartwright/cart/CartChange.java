package dev.cartwright.cart;

/** What became of a requested change to a cart. Only {@link Applied} changed anything. */
public sealed interface CartChange {

    /** The cart is now as asked; {@code cart} is it (unchanged, same version, when it already was). */
    record Applied(CartView cart) implements CartChange {}

    /** The caller's If-Match named an older version; {@code cart} is the current one. */
    record VersionMismatch(CartView cart) implements CartChange {}

    /** No such line in this shopper's cart (whether it never existed or belongs to someone else). */
    record LineNotFound() implements CartChange {}

    record UnknownProduct(long productId) implements CartChange {}

    record InsufficientStock(long productId, String name, int requested, int available, int inCart)
            implements CartChange {}

    record LineQuantityLimit(long productId, int limit, int inCart) implements CartChange {}

    record LineLimit(int limit) implements CartChange {}
}
