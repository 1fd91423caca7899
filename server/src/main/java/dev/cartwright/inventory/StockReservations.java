package dev.cartwright.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds stock for checkouts. The rule above all: no oversell. Every statement that changes
 * stock is conditional on what is there, the CHECK constraints back it up, and rows are
 * locked in product-id order so that concurrent multi-line checkouts cannot deadlock.
 * Units are taken by the reservation rows' trigger (V21__stock_taken_at_commit.sql).
 */
@Service
public class StockReservations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StockReservations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Locks these products' stock rows in product-id order, for a caller that will release and
     * reserve several in one transaction: the later statements find their rows already held.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockInOrder(Collection<Long> productIds) {
        jdbc.sql("select product_id from stock where product_id = any(:ids) order by product_id for update")
                .param("ids", productIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /**
     * Reservation rows take their units from stock when their transaction commits, and only while
     * that many are available: the no-oversell rule, in the trigger of V21__stock_taken_at_commit.sql.
     * Rows go in product-id order, the order their stock rows are then locked in.
     */
    private static final String INSERT_RESERVATIONS = """
            insert into reservation (checkout_id, product_id, quantity)
            select :checkout, wanted.product_id, wanted.quantity
              from unnest(cast(:products as bigint[]), cast(:quantities as int[])) as wanted (product_id, quantity)
             order by wanted.product_id
            """;

    /**
     * Holds the requests for the checkout at its transaction's commit, which locks the stock rows
     * for the commit alone. When another took the units first, the commit fails as a serialization
     * failure, and the request runs again (platform.TransientFailureRetry) on what is left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserveAtCommit(UUID checkoutId, List<StockRequest> requests) {
        insert(checkoutId, requests);
        events.publishEvent(new StockChanged(productIds(requests)));
    }

    /** Reserves every request or none, now: for a caller that has something else to do when they cannot be had. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Reservation reserveAll(UUID checkoutId, List<StockRequest> requests) {
        List<StockRequest> ordered = requests.stream().sorted(Comparator.comparingLong(StockRequest::productId)).toList();
        Map<Long, Integer> available = lockAvailable(ordered);
        List<Reservation.Shortfall> shortfalls = new ArrayList<>();
        for (StockRequest request : ordered) {
            int left = available.getOrDefault(request.productId(), 0);
            if (request.quantity() > left) {
                shortfalls.add(new Reservation.Shortfall(request.productId(), request.quantity(), left));
            }
        }
        if (!shortfalls.isEmpty()) {
            return new Reservation.Conflict(shortfalls);
        }
        insert(checkoutId, ordered);
        takeNow();
        events.publishEvent(new StockChanged(productIds(ordered)));
        return new Reservation.Reserved();
    }

    private void insert(UUID checkoutId, List<StockRequest> requests) {
        jdbc.sql(INSERT_RESERVATIONS)
                .param("checkout", checkoutId)
                .param("products", requests.stream().map(StockRequest::productId).toArray(Long[]::new))
                .param("quantities", requests.stream().map(StockRequest::quantity).toArray(Integer[]::new))
                .update();
    }

    /** Reservations of this transaction still waiting for its commit take their stock at once. */
    private void takeNow() {
        jdbc.sql("set constraints reservation_takes_stock immediate").update();
    }

    /** The reserved units are sold: they leave stock on hand. False when nothing was reserved for the checkout. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sell(UUID checkoutId) {
        return end(checkoutId, "update stock set on_hand = on_hand - :quantity, reserved = reserved - :quantity, version = version + 1 where product_id = :product");
    }

    /** The reserved units become available again. False when nothing was reserved for the checkout. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean release(UUID checkoutId) {
        return end(checkoutId, "update stock set reserved = reserved - :quantity, version = version + 1 where product_id = :product");
    }

    private boolean end(UUID checkoutId, String stockUpdate) {
        // Units a reservation of this transaction is still to take are taken before any is given back.
        takeNow();
        // Deleting the reservation rows first claims them: a second sell or release finds none.
        List<StockRequest> ended = jdbc.sql("""
                        delete from reservation where checkout_id = :checkout
                        returning product_id, quantity
                        """)
                .param("checkout", checkoutId)
                .query((rs, row) -> new StockRequest(rs.getLong(1), rs.getInt(2)))
                .list();
        if (ended.isEmpty()) {
            return false;
        }
        // The ledger's trigger (V23__stock_movement.sql) names the checkout these movements are for.
        jdbc.sql("select set_config('cartwright.checkout', :checkout, true)")
                .param("checkout", checkoutId.toString())
                .query(String.class)
                .single();
        ended = ended.stream().sorted(Comparator.comparingLong(StockRequest::productId)).toList();
        lockAvailable(ended);
        for (StockRequest line : ended) {
            jdbc.sql(stockUpdate)
                    .param("product", line.productId())
                    .param("quantity", line.quantity())
                    .update();
        }
        events.publishEvent(new StockChanged(productIds(ended)));
        return true;
    }

    private static Set<Long> productIds(List<StockRequest> requests) {
        return requests.stream().map(StockRequest::productId).collect(Collectors.toUnmodifiableSet());
    }

    /** Locks the products' stock rows in id order and answers what is available of each. */
    private Map<Long, Integer> lockAvailable(List<StockRequest> ordered) {
        Map<Long, Integer> available = new HashMap<>();
        jdbc.sql("select product_id, on_hand - reserved from stock where product_id = any(:ids) order by product_id for update")
                .param("ids", ordered.stream().map(StockRequest::productId).toArray(Long[]::new))
                .query(rs -> {
                    available.put(rs.getLong(1), rs.getInt(2));
                });
        return available;
    }
}
