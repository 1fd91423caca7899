package dev.cartwright.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders as operators find them: by id, by shopper, or the newest; at most {@link #LIMIT}, newest first. */
@Repository
public class OrderSearch {

    static final int LIMIT = 50;

    /** An order found, with the shopper it belongs to. */
    public record Found(UUID id, UUID shopperId, Instant createdAt, long total, String currency, List<Line> lines) {}

    @Schema(name = "OperatorOrderLine")
    public record Line(long productId, String name, int quantity) {}

    private final JdbcClient jdbc;

    OrderSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Orders with this id (one or none), of this shopper, or, with neither, the newest. */
    public List<Found> find(@Nullable UUID orderId, @Nullable UUID shopperId) {
        List<Found> orders = jdbc.sql("""
                        select id, shopper_id, created_at, total, currency from customer_order
                         where (cast(:order as uuid) is null or id = :order)
                           and (cast(:shopper as uuid) is null or shopper_id = :shopper)
                         order by created_at desc, id desc
                         limit :limit
                        """)
                .param("order", orderId)
                .param("shopper", shopperId)
                .param("limit", LIMIT)
                .query((rs, row) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4), rs.getString(5), List.of()))
                .list();
        Map<UUID, List<Line>> lines = jdbc.sql("""
                        select order_id, product_id, name, quantity
                          from order_line where order_id = any(:ids) order by order_id, product_id
                        """)
                .param("ids", orders.stream().map(Found::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new Line(rs.getLong(2), rs.getString(3), rs.getInt(4))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return orders.stream()
                .map(order -> new Found(order.id(), order.shopperId(), order.createdAt(), order.total(), order.currency(),
                        lines.getOrDefault(order.id(), List.of())))
                .toList();
    }
}
