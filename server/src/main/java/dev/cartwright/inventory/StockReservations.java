package dev.cartwright.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * The shortfalls of these requests on a plain read, without a lock; {@code freedFirst} is what
     * the caller will give back before reserving. Empty means "worth locking for", not "reserved":
     * {@link #reserveAll} decides under its locks.
     */
    public Optional<Reservation.Conflict> plainlyShort(List<StockRequest> requests, Map<Long, Integer> freedFirst) {
        Map<Long, Integer> available = new HashMap<>();
        jdbc.sql("select product_id, on_hand - reserved from stock where product_id = any(:ids)")
                .param("ids", requests.stream().map(StockRequest::productId).toArray(Long[]::new))
                .query(rs -> {
                    available.put(rs.getLong(1), rs.getInt(2));
                });
        List<Reservation.Shortfall> shortfalls = requests.stream()
                .sorted(Comparator.comparingLong(StockRequest::productId))
                .filter(request -> request.quantity()
                        > available.getOrDefault(request.productId(), 0) + freedFirst.getOrDefault(request.productId(), 0))
                .map(request -> new Reservation.Shortfall(request.productId(), request.quantity(),
                        available.getOrDefault(request.productId(), 0) + freedFirst.getOrDefault(request.productId(), 0)))
                .toList();
        return shortfalls.isEmpty() ? Optional.empty() : Optional.of(new Reservation.Conflict(shortfalls));
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

    /** Reserves every request or none. Must run inside the caller's (short) transaction. */
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
        for (StockRequest request : ordered) {
            int changed = jdbc.sql("""
                            update stock set reserved = reserved + :quantity, version = version + 1
                             where product_id = :product and on_hand - reserved >= :quantity
                            """)
                    .param("product", request.productId())
                    .param("quantity", request.quantity())
                    .update();
            if (changed != 1) {
                throw new IllegalStateException("Stock of product " + request.productId() + " changed under its lock");
            }
            jdbc.sql("insert into reservation (checkout_id, product_id, quantity) values (:checkout, :product, :quantity)")
                    .param("checkout", checkoutId)
                    .param("product", request.productId())
                    .param("quantity", request.quantity())
                    .update();
        }
        events.publishEvent(new StockChanged(productIds(ordered)));
        return new Reservation.Reserved();
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
