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
     * The no-oversell rule, in one statement: a product's units are taken only while that many
     * are available, and the reservation saying whose they are is written by the same statement.
     */
    private static final String RESERVE = """
            with taken as (
                update stock set reserved = reserved + :quantity, version = version + 1
                 where product_id = :product and on_hand - reserved >= :quantity
                returning product_id
            )
            insert into reservation (checkout_id, product_id, quantity)
            select :checkout, product_id, :quantity from taken
            """;

    /**
     * Reserves every request or none. Must run inside the caller's (short) transaction, as its
     * last statement but the commit: the stock rows stay locked until then.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Reservation reserveAll(UUID checkoutId, List<StockRequest> requests) {
        List<StockRequest> ordered = requests.stream().sorted(Comparator.comparingLong(StockRequest::productId)).toList();
        if (ordered.size() == 1) {
            // One product: its row is locked by the reserving statement alone, so a refusal locks nothing.
            StockRequest request = ordered.getFirst();
            if (!reserve(checkoutId, request)) {
                return new Reservation.Conflict(List.of(new Reservation.Shortfall(request.productId(), request.quantity(),
                        available(request.productId()))));
            }
            events.publishEvent(new StockChanged(productIds(ordered)));
            return new Reservation.Reserved();
        }
        // Several: all their rows are locked in one sorted pass first, so that all or none can be had.
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
            if (!reserve(checkoutId, request)) {
                throw new IllegalStateException("Stock of product " + request.productId() + " changed under its lock");
            }
        }
        events.publishEvent(new StockChanged(productIds(ordered)));
        return new Reservation.Reserved();
    }

    private boolean reserve(UUID checkoutId, StockRequest request) {
        return jdbc.sql(RESERVE)
                .param("checkout", checkoutId)
                .param("product", request.productId())
                .param("quantity", request.quantity())
                .update() == 1;
    }

    /** What is available of a product on a plain read, after a statement that could not reserve it. */
    private int available(long productId) {
        return jdbc.sql("select on_hand - reserved from stock where product_id = :product")
                .param("product", productId)
                .query(Integer.class)
                .optional()
                .orElse(0);
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
