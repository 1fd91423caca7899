package dev.cartwright.cart;

import dev.cartwright.shopper.ShopperId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cart and cart_item tables. */
@Repository
class CartStore {

    /** A cart's identity and version as read (or locked) in the current transaction. */
    record CartRow(UUID id, long version) {}

    record LineRow(long id, long productId, int quantity, boolean selected) {}

    private final JdbcClient jdbc;

    CartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shopper's cart, created on first use. */
    CartRow cartOf(ShopperId shopper) {
        return jdbc.sql("select id, version from cart where owner_id = :owner")
                .param("owner", shopper.value())
                .query((rs, row) -> new CartRow(rs.getObject(1, UUID.class), rs.getLong(2)))
                .optional()
                .orElseGet(() -> lock(shopper));
    }

    /**
     * The shopper's cart, created if needed, locked until the transaction ends: every change
     * to one cart runs after the previous one, so each sees the lines the last one left.
     */
    CartRow lock(ShopperId shopper) {
        return jdbc.sql("""
                        insert into cart (id, owner_id) values (:id, :owner)
                        on conflict (owner_id) do update set updated_at = now()
                        returning id, version
                        """)
                .param("id", UUID.randomUUID())
                .param("owner", shopper.value())
                .query((rs, row) -> new CartRow(rs.getObject(1, UUID.class), rs.getLong(2)))
                .single();
    }

    /** Marks a change: the version grows by one. */
    void bump(UUID cartId) {
        jdbc.sql("update cart set version = version + 1, updated_at = now() where id = :id")
                .param("id", cartId)
                .update();
    }

    List<LineRow> lines(UUID cartId) {
        return jdbc.sql("select id, product_id, quantity, selected from cart_item where cart_id = :cart order by id")
                .param("cart", cartId)
                .query((rs, row) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .list();
    }

    Optional<LineRow> line(UUID cartId, long lineId) {
        return jdbc.sql("select id, product_id, quantity, selected from cart_item where cart_id = :cart and id = :id")
                .param("cart", cartId)
                .param("id", lineId)
                .query((rs, row) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .optional();
    }

    int lineCount(UUID cartId) {
        return jdbc.sql("select count(*) from cart_item where cart_id = :cart")
                .param("cart", cartId)
                .query(Integer.class)
                .single();
    }

    /** Adding selects the line: the shopper means to buy it. */
    void addLine(UUID cartId, long productId, int quantity) {
        jdbc.sql("""
                        insert into cart_item (cart_id, product_id, quantity) values (:cart, :product, :quantity)
                        on conflict (cart_id, product_id) do update set quantity = excluded.quantity, selected = true
                        """)
                .param("cart", cartId)
                .param("product", productId)
                .param("quantity", quantity)
                .update();
    }

    void setQuantity(long lineId, int quantity) {
        jdbc.sql("update cart_item set quantity = :quantity where id = :id")
                .param("id", lineId)
                .param("quantity", quantity)
                .update();
    }

    void select(long lineId, boolean selected) {
        jdbc.sql("update cart_item set selected = :selected where id = :id")
                .param("id", lineId)
                .param("selected", selected)
                .update();
    }

    void selectAll(UUID cartId, boolean selected) {
        jdbc.sql("update cart_item set selected = :selected where cart_id = :cart")
                .param("cart", cartId)
                .param("selected", selected)
                .update();
    }

    void remove(long lineId) {
        jdbc.sql("delete from cart_item where id = :id").param("id", lineId).update();
    }
}
