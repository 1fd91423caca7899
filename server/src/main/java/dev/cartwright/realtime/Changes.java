package dev.cartwright.realtime;

import java.util.Set;
import java.util.UUID;

/** What changed, by id only: each node reads the current state itself before it pushes. */
record Changes(Set<UUID> carts, Set<Long> products) {

    boolean isEmpty() {
        return carts.isEmpty() && products.isEmpty();
    }
}
