package dev.cartwright.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** How many units of each product can still be sold: on hand minus reserved. */
@Repository
public class StockLevels {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StockLevels(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Products without a stock row have none available; they are absent from the map. */
    public Map<Long, Integer> available(Collection<Long> productIds) {
        Map<Long, Integer> available = new HashMap<>();
        levels(productIds).forEach((id, level) -> available.put(id, level.available()));
        return available;
    }

    /** What is available of each product, with the version of that figure; products without stock are absent. */
    public Map<Long, StockLevel> levels(Collection<Long> productIds) {
        Map<Long, StockLevel> levels = new HashMap<>();
        if (productIds.isEmpty()) {
            return levels;
        }
        jdbc.sql("select product_id, on_hand - reserved, version from stock where product_id = any(:ids)")
                .param("ids", productIds.toArray(Long[]::new))
                .query(rs -> {
                    levels.put(rs.getLong(1), new StockLevel(rs.getLong(1), rs.getInt(2), rs.getLong(3)));
                });
        return levels;
    }

    public int available(long productId) {
        return available(List.of(productId)).getOrDefault(productId, 0);
    }

    /**
     * Every product's stock, in product-id order. Only open checkouts hold reservation rows (they
     * are deleted when a checkout is paid or closed), so counting a product's rows counts its open checkouts.
     */
    public List<StockPosition> positions() {
        return jdbc.sql("""
                        select s.product_id, s.on_hand, s.reserved, s.version,
                               (select count(*) from reservation r where r.product_id = s.product_id)
                          from stock s
                         order by s.product_id
                        """)
                .query((rs, row) -> new StockPosition(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(5), rs.getLong(4)))
                .list();
    }

    /** Gives a new product its first stock; an existing level is left as it is. */
    public void stockNew(long productId, int onHand) {
        jdbc.sql("insert into stock (product_id, on_hand) values (:id, :onHand) on conflict (product_id) do nothing")
                .param("id", productId)
                .param("onHand", onHand)
                .update();
    }

    /** Sets what is on hand, never below what is reserved. */
    @Transactional
    public Restock setOnHand(long productId, int onHand) {
        Restock restock = jdbc.sql("""
                        update stock set on_hand = :onHand, version = version + 1 where product_id = :id and reserved <= :onHand
                        returning on_hand, reserved
                        """)
                .param("id", productId)
                .param("onHand", onHand)
                .query((rs, row) -> (Restock) new Restock.Restocked(productId, rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElseGet(() -> jdbc.sql("select reserved from stock where product_id = :id")
                        .param("id", productId)
                        .query(Integer.class)
                        .optional()
                        .<Restock>map(reserved -> new Restock.BelowReserved(productId, reserved))
                        .orElse(new Restock.UnknownProduct(productId)));
        if (restock instanceof Restock.Restocked) {
            events.publishEvent(new StockChanged(Set.of(productId)));
        }
        return restock;
    }
}
