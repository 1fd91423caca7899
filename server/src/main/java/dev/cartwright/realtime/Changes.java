package dev.cartwright.realtime;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What changed, by id only: each node reads the current state itself before it pushes.
 * {@code shoppers} now use another cart (joined, left or removed), so their sockets follow them.
 */
record Changes(Set<UUID> carts, Set<Long> products, Set<UUID> shoppers) {

    /** A node that predates {@code shoppers} sends none. */
    Changes(Set<UUID> carts, Set<Long> products, @Nullable Set<UUID> shoppers) {
        this.carts = carts;
        this.products = products;
        this.shoppers = shoppers == null ? Set.of() : shoppers;
    }

    boolean isEmpty() {
        return carts.isEmpty() && products.isEmpty() && shoppers.isEmpty();
    }
}
