package dev.cartwright.checkout;

import dev.cartwright.order.ShippingAddress;
import dev.cartwright.shipping.ShippingMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The checkout and checkout_line tables. */
@Repository
class CheckoutStore {

    record CheckoutRow(UUID id, UUID shopperId, UUID cartId, CheckoutStatus status, ShippingAddress address,
            ShippingMethod shippingMethod, @Nullable String couponCode, boolean couponClaimed, long subtotal,
            long discount, long shipping, long total, String currency,
            @Nullable String paymentSessionId, @Nullable String paymentRedirectUrl, @Nullable UUID orderId,
            Instant expiresAt) {}

    /** Units of one product that one of the shopper's open checkouts holds. */
    record Holding(UUID checkoutId, long productId, int quantity) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CheckoutStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The checkout and its lines, in one statement. */
    void insert(CheckoutRow checkout, List<CheckoutView.Line> lines) {
        jdbc.sql("""
                        with new_checkout as (
                            insert into checkout (id, shopper_id, cart_id, status, shipping_address, shipping_method,
                                                  coupon_code, subtotal, discount, shipping, total, currency, expires_at)
                            values (:id, :shopper, :cart, :status, cast(:address as jsonb), :method, :coupon, :subtotal,
                                    :discount, :shipping, :total, :currency, :expiresAt)
                            returning id
                        )
                        insert into checkout_line (checkout_id, cart_item_id, product_id, name, unit_price, quantity)
                        select new_checkout.id, line.item, line.product, line.name, line.price, line.quantity
                          from new_checkout,
                               unnest(cast(:items as bigint[]), cast(:products as bigint[]), cast(:names as text[]),
                                      cast(:prices as bigint[]), cast(:quantities as int[]))
                                   as line (item, product, name, price, quantity)
                        """)
                .param("id", checkout.id())
                .param("shopper", checkout.shopperId())
                .param("cart", checkout.cartId())
                .param("status", checkout.status().name())
                .param("address", json.writeValueAsString(checkout.address()))
                .param("method", checkout.shippingMethod().name())
                .param("coupon", checkout.couponCode())
                .param("subtotal", checkout.subtotal())
                .param("discount", checkout.discount())
                .param("shipping", checkout.shipping())
                .param("total", checkout.total())
                .param("currency", checkout.currency())
                .param("expiresAt", Timestamp.from(checkout.expiresAt()))
                .param("items", lines.stream().map(CheckoutView.Line::cartItemId).toArray(Long[]::new))
                .param("products", lines.stream().map(CheckoutView.Line::productId).toArray(Long[]::new))
                .param("names", lines.stream().map(CheckoutView.Line::name).toArray(String[]::new))
                .param("prices", lines.stream().map(CheckoutView.Line::unitPrice).toArray(Long[]::new))
                .param("quantities", lines.stream().map(CheckoutView.Line::quantity).toArray(Integer[]::new))
                .update();
    }

    /** The shopper's checkout; another shopper's is as absent as one that never existed. */
    Optional<CheckoutRow> find(UUID id, UUID shopperId) {
        return jdbc.sql("select * from checkout where id = :id and shopper_id = :shopper")
                .param("id", id)
                .param("shopper", shopperId)
                .query(this::row)
                .optional();
    }

    /** Locks the checkout until the transaction ends: transitions of one checkout happen one after another. */
    Optional<CheckoutRow> lock(UUID id) {
        return jdbc.sql("select * from checkout where id = :id for update")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    List<CheckoutView.Line> lines(UUID checkoutId) {
        return jdbc.sql("""
                        select cart_item_id, product_id, name, unit_price, quantity
                          from checkout_line where checkout_id = :id order by product_id
                        """)
                .param("id", checkoutId)
                .query((rs, row) -> new CheckoutView.Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getLong(4) * rs.getInt(5)))
                .list();
    }

    /**
     * Makes the shopper's checkouts wait for each other until the transaction ends, whichever
     * cart each checks out, so that what the shopper holds is counted by one of them at a time.
     */
    void lockShopper(UUID shopperId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('checkout/' || :shopper, 0))")
                .param("shopper", shopperId)
                .query((rs, row) -> true)
                .single();
    }

    /** What the shopper's checkouts that still hold stock hold, line by line. */
    List<Holding> openHoldings(UUID shopperId) {
        return jdbc.sql("""
                        select c.id, l.product_id, l.quantity
                          from checkout c join checkout_line l on l.checkout_id = c.id
                         where c.shopper_id = :shopper and c.status in ('RESERVED', 'PAYMENT_PENDING')
                        """)
                .param("shopper", shopperId)
                .query((rs, row) -> new Holding(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    /** Whether the shopper has a checkout holding stock unpaid that a new one could replace. Takes no lock. */
    boolean holdsReserved(UUID shopperId) {
        return jdbc.sql("select exists (select 1 from checkout where shopper_id = :shopper and status = 'RESERVED')")
                .param("shopper", shopperId)
                .query(Boolean.class)
                .single();
    }

    /** The shopper's own checkouts of the cart still holding stock unpaid, locked; other members' are not theirs. */
    List<UUID> lockReservedOfCart(UUID cartId, UUID shopperId) {
        return jdbc.sql("select id from checkout where cart_id = :cart and shopper_id = :shopper and status = 'RESERVED' for update")
                .param("cart", cartId)
                .param("shopper", shopperId)
                .query(UUID.class)
                .list();
    }

    /** A checkout being paid, past its time, and the session it is being paid through. */
    record OverduePayment(UUID checkoutId, String sessionId) {}

    /** Reserved checkouts past their time, locked; those another node is sweeping are skipped. */
    /** The longest overdue reserved checkout no other node is expiring, but for those that failed to; locked. */
    Optional<UUID> lockExpired(Set<UUID> excluded) {
        return jdbc.sql("""
                        select id from checkout
                         where status = 'RESERVED' and expires_at < now() and not (id = any(:excluded))
                         order by expires_at
                         limit 1
                         for update skip locked
                        """)
                .param("excluded", excluded.toArray(UUID[]::new))
                .query(UUID.class)
                .optional();
    }

    /** The cart a checkout was made from. */
    Optional<UUID> cartOf(UUID checkoutId) {
        return jdbc.sql("select cart_id from checkout where id = :id")
                .param("id", checkoutId)
                .query(UUID.class)
                .optional();
    }

    /**
     * Checkouts being paid past their time, claimed for {@code claim}: their time is moved on by
     * that much, so no other node asks the provider about them meanwhile, and if this node dies
     * before it has an answer another asks when the claim runs out.
     */
    List<OverduePayment> claimOverduePayments(int limit, Duration claim) {
        return jdbc.sql("""
                        update checkout set expires_at = now() + make_interval(secs => :claim)
                         where id in (select id from checkout
                                       where status = 'PAYMENT_PENDING' and expires_at < now()
                                       order by expires_at
                                       limit :limit
                                         for update skip locked)
                        returning id, payment_session_id
                        """)
                .param("claim", claim.toSeconds())
                .param("limit", limit)
                .query((rs, row) -> new OverduePayment(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /** A checkout being paid holds its stock until {@code until}, while its provider may still take the payment. */
    void holdUntil(UUID id, Instant until) {
        jdbc.sql("update checkout set expires_at = :until where id = :id")
                .param("id", id)
                .param("until", Timestamp.from(until))
                .update();
    }

    void setStatus(UUID id, CheckoutStatus status) {
        jdbc.sql("update checkout set status = :status, updated_at = now() where id = :id")
                .param("id", id)
                .param("status", status.name())
                .update();
    }

    void paymentStarted(UUID id, String sessionId, String redirectUrl, boolean couponClaimed) {
        jdbc.sql("""
                        update checkout set status = 'PAYMENT_PENDING', payment_session_id = :session,
                                            payment_redirect_url = :redirect, coupon_claimed = :claimed, updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("session", sessionId)
                .param("redirect", redirectUrl)
                .param("claimed", couponClaimed)
                .update();
    }

    /** A declined checkout holds its stock again, until {@code expiresAt}. */
    void reserved(UUID id, Instant expiresAt) {
        jdbc.sql("update checkout set status = 'RESERVED', expires_at = :expiresAt, updated_at = now() where id = :id")
                .param("id", id)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** The checkout without its coupon, at {@code shipping} for the goods at full price. */
    void dropCoupon(UUID id, long shipping) {
        jdbc.sql("""
                        update checkout set coupon_code = null, coupon_claimed = false, discount = 0, shipping = :shipping,
                                            total = subtotal + :shipping, updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("shipping", shipping)
                .update();
    }

    void releaseCouponClaim(UUID id) {
        jdbc.sql("update checkout set coupon_claimed = false where id = :id").param("id", id).update();
    }

    void paid(UUID id, UUID orderId) {
        jdbc.sql("update checkout set status = 'PAID', order_id = :order, updated_at = now() where id = :id")
                .param("id", id)
                .param("order", orderId)
                .update();
    }

    private CheckoutRow row(ResultSet rs, int row) throws SQLException {
        return new CheckoutRow(rs.getObject("id", UUID.class), rs.getObject("shopper_id", UUID.class),
                rs.getObject("cart_id", UUID.class), CheckoutStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("shipping_address"), ShippingAddress.class),
                ShippingMethod.valueOf(rs.getString("shipping_method")), rs.getString("coupon_code"),
                rs.getBoolean("coupon_claimed"), rs.getLong("subtotal"), rs.getLong("discount"), rs.getLong("shipping"),
                rs.getLong("total"),
                rs.getString("currency"), rs.getString("payment_session_id"), rs.getString("payment_redirect_url"),
                rs.getObject("order_id", UUID.class),
                rs.getTimestamp("expires_at").toInstant());
    }
}
