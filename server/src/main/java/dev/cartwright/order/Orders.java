package dev.cartwright.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The orders, one per paid checkout. */
@Repository
public class Orders {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Orders(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Places the order for a paid checkout; placing it again answers the order already placed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID place(NewOrder order) {
        Optional<UUID> inserted = jdbc.sql("""
                        insert into customer_order (id, checkout_id, shopper_id, subtotal, discount, shipping_method,
                                                    shipping, total, currency, coupon_code, shipping_address)
                        values (:id, :checkout, :shopper, :subtotal, :discount, :method, :shipping, :total, :currency,
                                :coupon, cast(:address as jsonb))
                        on conflict (checkout_id) do nothing
                        returning id
                        """)
                .param("id", UUID.randomUUID())
                .param("checkout", order.checkoutId())
                .param("shopper", order.shopperId())
                .param("subtotal", order.subtotal())
                .param("discount", order.discount())
                .param("method", order.shippingMethod())
                .param("shipping", order.shipping())
                .param("total", order.total())
                .param("currency", order.currency())
                .param("coupon", order.couponCode())
                .param("address", json.writeValueAsString(order.shippingAddress()))
                .query(UUID.class)
                .optional();
        if (inserted.isEmpty()) {
            return jdbc.sql("select id from customer_order where checkout_id = :checkout")
                    .param("checkout", order.checkoutId())
                    .query(UUID.class)
                    .single();
        }
        for (OrderView.Line line : order.lines()) {
            jdbc.sql("""
                            insert into order_line (order_id, product_id, name, unit_price, quantity)
                            values (:order, :product, :name, :price, :quantity)
                            """)
                    .param("order", inserted.get())
                    .param("product", line.productId())
                    .param("name", line.name())
                    .param("price", line.unitPrice())
                    .param("quantity", line.quantity())
                    .update();
        }
        return inserted.get();
    }

    Optional<OrderView> find(UUID shopperId, UUID orderId) {
        return withLines(jdbc.sql("select * from customer_order where id = :id and shopper_id = :shopper")
                .param("id", orderId)
                .param("shopper", shopperId)
                .query(Orders::order)
                .list()).stream().findFirst();
    }

    /**
     * Up to {@code limit} of the shopper's orders placed before {@code after} (from the newest
     * when it is null), newest first, and whether more follow.
     */
    Page page(UUID shopperId, OrderCursors.@Nullable Position after, int limit) {
        List<Row> rows = jdbc.sql("""
                        select * from customer_order
                         where shopper_id = :shopper
                           and (cast(:afterAt as timestamptz) is null
                                or (created_at, id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
                         order by created_at desc, id desc
                         limit :limit
                        """)
                .param("shopper", shopperId)
                .param("afterAt", after == null ? null : OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit + 1)
                .query(Orders::order)
                .list();
        boolean more = rows.size() > limit;
        return new Page(withLines(more ? rows.subList(0, limit) : rows), more);
    }

    /** A page of orders; {@code more} when older ones follow its last. */
    record Page(List<OrderView> orders, boolean more) {}

    /** An order as read, without its lines yet. */
    private record Row(UUID id, UUID checkoutId, long subtotal, long discount, long shipping, long total, String currency,
            @Nullable String couponCode, String address, String shippingMethod, Instant createdAt) {}

    /** The orders with their lines, read for all of them in one statement. */
    private List<OrderView> withLines(List<Row> rows) {
        Map<UUID, List<OrderView.Line>> lines = jdbc.sql("""
                        select order_id, product_id, name, unit_price, quantity
                          from order_line where order_id = any(:ids) order by order_id, product_id
                        """)
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new OrderView.Line(rs.getLong(2),
                        rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getLong(4) * rs.getInt(5))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream()
                .map(row -> new OrderView(row.id(), row.checkoutId(), "PAID", lines.getOrDefault(row.id(), List.of()),
                        row.subtotal(), row.discount(), row.shipping(), row.total(), row.currency(), row.couponCode(),
                        json.readValue(row.address(), ShippingAddress.class), row.shippingMethod(), row.createdAt()))
                .toList();
    }

    private static Row order(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("checkout_id", UUID.class), rs.getLong("subtotal"),
                rs.getLong("discount"), rs.getLong("shipping"), rs.getLong("total"), rs.getString("currency"),
                rs.getString("coupon_code"), rs.getString("shipping_address"), rs.getString("shipping_method"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
