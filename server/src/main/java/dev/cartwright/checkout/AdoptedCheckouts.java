package dev.cartwright.checkout;

import dev.cartwright.inventory.StockReservations;
import dev.cartwright.shopper.ShopperId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A guest who signs in brings their checkouts, open or closed, to the account. Those made from
 * the guest's own cart now name the account's, where the merge put their lines, so that a payment
 * takes the bought units out of the cart that holds them. The account's reservation caps still
 * hold afterwards: the guest's reserved checkouts are kept oldest first while they fit beside what
 * the account holds, and the others are cancelled, their stock given back. One being paid is never
 * cancelled, since money may be on its way: it is kept even over a cap.
 */
@Component
public class AdoptedCheckouts {

    private final JdbcClient jdbc;
    private final CheckoutStore store;
    private final ReservationCaps caps;
    private final StockReservations reservations;
    private final Checkouts checkouts;

    AdoptedCheckouts(JdbcClient jdbc, CheckoutStore store, ReservationCaps caps, StockReservations reservations,
            Checkouts checkouts) {
        this.jdbc = jdbc;
        this.store = store;
        this.caps = caps;
        this.reservations = reservations;
        this.checkouts = checkouts;
    }

    /**
     * First in the sign-in's transaction, before the carts (the one lock order): no checkout of
     * either shopper's counts what they hold until it ends. Guest before account, and no shopper
     * is both, so two sign-ins never wait on each other in a circle.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockShoppers(ShopperId guest, ShopperId account) {
        store.lockShopper(guest.value());
        store.lockShopper(account.value());
    }

    /** After the carts merged, in the same transaction: answers the guest's checkouts cancelled to keep within the caps. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> adopt(ShopperId guest, ShopperId account) {
        List<CheckoutStore.Holding> kept = new ArrayList<>(store.openHoldings(account.value()));
        Map<UUID, OpenCheckout> arriving = lockOpen(guest);
        move(guest, account);
        arriving.values().stream().filter(open -> !open.reserved()).forEach(paying -> kept.addAll(paying.lines()));
        List<OpenCheckout> cancelled = new ArrayList<>();
        for (OpenCheckout open : arriving.values()) {
            if (!open.reserved()) {
                continue;
            }
            if (caps.wouldExceed(kept, open.lines())) {
                cancelled.add(open);
            } else {
                kept.addAll(open.lines());
            }
        }
        if (!cancelled.isEmpty()) {
            // Every cancelled checkout's stock rows in one pass in product-id order, as a new checkout's are.
            reservations.lockInOrder(new TreeSet<>(cancelled.stream()
                    .flatMap(open -> open.lines().stream().map(CheckoutStore.Holding::productId)).toList()));
            cancelled.forEach(open -> checkouts.close(store.lock(open.id()).orElseThrow(), CheckoutStatus.CANCELLED));
        }
        return cancelled.stream().map(OpenCheckout::id).toList();
    }

    /** A guest's checkout that holds stock, with what it holds; {@code reserved} false: being paid. */
    private record OpenCheckout(UUID id, boolean reserved, List<CheckoutStore.Holding> lines) {}

    /** The guest's checkouts holding stock, oldest first, locked. */
    private Map<UUID, OpenCheckout> lockOpen(ShopperId guest) {
        List<CheckoutStore.Holding> lines = new ArrayList<>();
        Map<UUID, Boolean> reserved = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.status, l.product_id, l.quantity
                          from checkout c join checkout_line l on l.checkout_id = c.id
                         where c.shopper_id = :guest and c.status in ('RESERVED', 'PAYMENT_PENDING')
                         order by c.created_at, c.id
                           for update of c
                        """)
                .param("guest", guest.value())
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    reserved.put(id, CheckoutStatus.valueOf(rs.getString(2)) == CheckoutStatus.RESERVED);
                    lines.add(new CheckoutStore.Holding(id, rs.getLong(3), rs.getInt(4)));
                });
        Map<UUID, OpenCheckout> open = new LinkedHashMap<>();
        reserved.forEach((id, isReserved) -> open.put(id, new OpenCheckout(id, isReserved,
                lines.stream().filter(line -> line.checkoutId().equals(id)).toList())));
        return open;
    }

    private void move(ShopperId guest, ShopperId account) {
        jdbc.sql("""
                        update checkout k
                           set shopper_id = :account,
                               cart_id = case when k.cart_id = (select id from cart where owner_id = :guest)
                                              then (select id from cart where owner_id = :account) else k.cart_id end
                         where k.shopper_id = :guest
                        """)
                .param("guest", guest.value())
                .param("account", account.value())
                .update();
    }
}
