package dev.cartwright.cart;

import dev.cartwright.shopper.ShopperId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cart and cart_item tables. */
@Repository
class CartStore {

    /** A cart's identity, version and coupon as read (or locked) in the current transaction. */
    record CartRow(UUID id, long version, Pricing.@Nullable Discount coupon) {

        CartRow next() {
            return new CartRow(id, version + 1, coupon);
        }
    }

    private static final String CART_COLUMNS = "id, version, coupon_code, coupon_kind, coupon_amount, coupon_minimum";

    record LineRow(long id, long productId, int quantity, boolean selected) {}

    private final JdbcClient jdbc;

    CartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cart the shopper uses, if they have one yet: a guest's cart appears with their first change. */
    Optional<CartRow> cartOf(ShopperId shopper) {
        return jdbc.sql("select " + CART_COLUMNS + " from cart where id = " + CURRENT_CART)
                .param("shopper", shopper.value())
                .query(CartStore::cartRow)
                .optional();
    }

    /** The cart a shopper uses: the one they joined, or else their own. */
    private static final String CURRENT_CART = """
            coalesce((select cart_id from cart_member where shopper_id = :shopper),
                     (select id from cart where owner_id = :shopper))""";

    /**
     * The shopper's cart, locked until the transaction ends: every change to one cart runs
     * after the previous one, so each sees the lines the last one left. Empty answers mean the
     * shopper has no cart yet; {@link #create} makes it.
     */
    Optional<CartRow> lock(ShopperId shopper) {
        return jdbc.sql("select " + CART_COLUMNS + " from cart where id = " + CURRENT_CART + " for update")
                .param("shopper", shopper.value())
                .query(CartStore::cartRow)
                .optional();
    }

    /** Makes the shopper's own cart under the id it was shown with before it existed; a concurrent maker wins harmlessly. */
    void create(ShopperId shopper) {
        jdbc.sql("insert into cart (id, owner_id) values (:id, :owner) on conflict (owner_id) do nothing")
                .param("id", Carts.ownCartId(shopper))
                .param("owner", shopper.value())
                .update();
    }

    Optional<CartRow> find(UUID cartId) {
        return jdbc.sql("select " + CART_COLUMNS + " from cart where id = :id")
                .param("id", cartId)
                .query(CartStore::cartRow)
                .optional();
    }

    /** Locks a cart known by id, for changes made on the shopper's behalf (a paid checkout). */
    Optional<CartRow> lock(UUID cartId) {
        return jdbc.sql("select " + CART_COLUMNS + " from cart where id = :id for update")
                .param("id", cartId)
                .query(CartStore::cartRow)
                .optional();
    }

    /** How many shoppers use the cart: its owner and those who joined. */
    int members(UUID cartId) {
        return jdbc.sql("select 1 + count(*) from cart_member where cart_id = :cart")
                .param("cart", cartId)
                .query(Integer.class)
                .single();
    }

    void setCoupon(UUID cartId, Pricing.@Nullable Discount coupon) {
        jdbc.sql("""
                        update cart set coupon_code = :code, coupon_kind = :kind, coupon_amount = :amount,
                                        coupon_minimum = :minimum
                         where id = :id
                        """)
                .param("id", cartId)
                .param("code", coupon == null ? null : coupon.code())
                .param("kind", coupon == null ? null : coupon.kind().name())
                .param("amount", coupon == null ? null : coupon.amount())
                .param("minimum", coupon == null ? null : coupon.minimumSubtotal())
                .update();
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

    Optional<LineRow> lineOfProduct(UUID cartId, long productId) {
        return jdbc.sql("select id, product_id, quantity, selected from cart_item where cart_id = :cart and product_id = :product")
                .param("cart", cartId)
                .param("product", productId)
                .query((rs, row) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .optional();
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

    /** Answers how many lines the cart has. */
    int selectAll(UUID cartId, boolean selected) {
        return jdbc.sql("update cart_item set selected = :selected where cart_id = :cart")
                .param("cart", cartId)
                .param("selected", selected)
                .update();
    }

    /** Lowers a line by what was bought of it, removing it when nothing is left. */
    void removePurchased(UUID cartId, long productId, int quantity) {
        jdbc.sql("delete from cart_item where cart_id = :cart and product_id = :product and quantity <= :quantity")
                .param("cart", cartId)
                .param("product", productId)
                .param("quantity", quantity)
                .update();
        jdbc.sql("update cart_item set quantity = quantity - :quantity where cart_id = :cart and product_id = :product")
                .param("cart", cartId)
                .param("product", productId)
                .param("quantity", quantity)
                .update();
    }

    void remove(long lineId) {
        jdbc.sql("delete from cart_item where id = :id").param("id", lineId).update();
    }

    /**
     * The selected lines of the shopper's cart, or of a cart known by id, with their products and
     * what is available of each, in one statement: what a checkout looks at.
     */
    List<CartView.Line> selectedLines(ShopperId shopper) {
        return jdbc.sql(SELECTED_LINES + " where c.id = " + CURRENT_CART + " order by i.id")
                .param("shopper", shopper.value())
                .query(CartStore::selectedLine)
                .list();
    }

    List<CartView.Line> selectedLines(UUID cartId) {
        return jdbc.sql(SELECTED_LINES + " where c.id = :cart order by i.id")
                .param("cart", cartId)
                .query(CartStore::selectedLine)
                .list();
    }

    private static final String SELECTED_LINES = """
            select i.id, i.product_id, p.name, p.unit_price, i.quantity, coalesce(s.on_hand - s.reserved, 0)
              from cart c
              join cart_item i on i.cart_id = c.id and i.selected
              join product p on p.id = i.product_id
              left join stock s on s.product_id = i.product_id""";

    private static CartView.Line selectedLine(ResultSet rs, int row) throws SQLException {
        return new CartView.Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5), true,
                rs.getInt(6), Pricing.lineTotal(rs.getLong(4), rs.getInt(5)));
    }

    private static CartRow cartRow(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("coupon_code");
        Pricing.Discount coupon = code == null ? null : new Pricing.Discount(code,
                Pricing.Discount.Kind.valueOf(rs.getString("coupon_kind")), rs.getLong("coupon_amount"),
                rs.getLong("coupon_minimum"));
        return new CartRow(rs.getObject("id", UUID.class), rs.getLong("version"), coupon);
    }
}
