package dev.cartwright.realtime;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What changed, by id only: each node reads the current state itself before it pushes.
 * {@code shoppers} now use another cart (joined, left or removed), so their sockets follow them.
 * {@code signedInGuests} signed in, and {@code signedOutSessions} signed out: the sockets opened
 * under those identities close, and reconnect with the cookie their browser has now.
 * {@code committedAt} (epoch ms) is when the earliest of these changes was committed, for the
 * push latency; null when the changes are no news (a resync).
 */
record Changes(Set<UUID> carts, Set<Long> products, Set<UUID> shoppers, Set<UUID> signedInGuests,
        Set<UUID> signedOutSessions, @Nullable Long committedAt) {

    /** A node that predates a field sends none of it. */
    Changes(Set<UUID> carts, Set<Long> products, @Nullable Set<UUID> shoppers, @Nullable Set<UUID> signedInGuests,
            @Nullable Set<UUID> signedOutSessions, @Nullable Long committedAt) {
        this.carts = carts;
        this.products = products;
        this.shoppers = shoppers == null ? Set.of() : shoppers;
        this.signedInGuests = signedInGuests == null ? Set.of() : signedInGuests;
        this.signedOutSessions = signedOutSessions == null ? Set.of() : signedOutSessions;
        this.committedAt = committedAt;
    }

    Changes(Set<UUID> carts, Set<Long> products, Set<UUID> shoppers) {
        this(carts, products, shoppers, Set.of(), Set.of(), null);
    }

    boolean isEmpty() {
        return carts.isEmpty() && products.isEmpty() && shoppers.isEmpty() && signedInGuests.isEmpty()
                && signedOutSessions.isEmpty();
    }
}
