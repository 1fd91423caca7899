package dev.cartwright.account;

import dev.cartwright.cart.CartMerge;
import dev.cartwright.cart.CartView;
import java.util.List;
import java.util.UUID;

/**
 * What a guest brought to the account on signing in: the account's cart after the merge, the
 * lines that could not keep all their units ({@code kept} 0: left out), and the guest's reserved
 * checkouts cancelled because the account would otherwise hold more than one shopper may.
 */
record GuestMerge(CartView cart, List<CartMerge.Capped> capped, List<UUID> cancelledCheckouts) {

    static GuestMerge of(CartMerge merge, List<UUID> cancelledCheckouts) {
        return new GuestMerge(merge.cart(), merge.capped(), List.copyOf(cancelledCheckouts));
    }
}
