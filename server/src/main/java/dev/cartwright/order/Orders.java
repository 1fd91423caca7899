package dev.cartwright.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
                        insert into customer_order (id, checkout_id, shopper_id, subtotal, discount, total, currency,
                                                    coupon_code, shipping_address)
                        values (:id, :checkout, :shopper, :subtotal, :discount, :total, :currency, :coupon,
                                cast(:address as jsonb))
                        on conflict (checkout_id) do nothing
                        returning id
                        """)
                .param("id", UUID.randomUUID())
                .param("checkout", order.checkoutId())
                .param("shopper", order.shopperId())
                .param("subtotal", order.subtotal())
                .param("discount", order.discount())
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
        return jdbc.sql("select * from customer_order where id = :id and shopper_id = :shopper")
                .param("id", orderId)
                .param("shopper", shopperId)
                .query(this::order)
                .optional();
    }

    List<OrderView> ofShopper(UUID shopperId) {
        return jdbc.sql("select * from customer_order where shopper_id = :shopper order by created_at desc limit 100")
                .param("shopper", shopperId)
                .query(this::order)
                .list();
    }

    private OrderView order(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<OrderView.Line> lines = jdbc.sql("""
                        select product_id, name, unit_price, quantity from order_line where order_id = :id order by product_id
                        """)
                .param("id", id)
                .query((line, n) -> new OrderView.Line(line.getLong(1), line.getString(2), line.getLong(3), line.getInt(4),
                        line.getLong(3) * line.getInt(4)))
                .list();
        return new OrderView(id, rs.getObject("checkout_id", UUID.class), "PAID", lines, rs.getLong("subtotal"),
                rs.getLong("discount"), rs.getLong("total"), rs.getString("currency"), rs.getString("coupon_code"),
                json.readValue(rs.getString("shipping_address"), ShippingAddress.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
