package dev.cartwright.cart;

import java.util.List;

/**
 * A guest's cart merged into an account's: the account's cart as it now is, and the lines that
 * could not keep all their units ({@code kept} 0: the line was not added).
 */
public record CartMerge(CartView cart, List<Capped> capped) {

    /** {@code requested}: the account's units plus the guest's; {@code kept}: what the line holds now. */
    public record Capped(long productId, String name, int requested, int kept) {}
}
