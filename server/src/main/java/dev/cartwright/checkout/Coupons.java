package dev.cartwright.checkout;

import dev.cartwright.cart.Pricing;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coupons and their uses. A payment claims a use when it starts (the amount charged
 * includes the discount), keeps it when paid and gives it back when it fails; the usage limit
 * is a CHECK on the claimed count, so concurrent payments can never exceed it.
 */
@Repository
class Coupons {

    record Coupon(Pricing.Discount terms, @Nullable Instant expiresAt, @Nullable Integer usageLimit, int uses) {}

    private final JdbcClient jdbc;

    Coupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    Optional<Coupon> find(String code) {
        return jdbc.sql("select code, kind, amount, minimum_subtotal, expires_at, usage_limit, uses from coupon where code = :code")
                .param("code", normalize(code))
                .query((rs, row) -> {
                    Timestamp expires = rs.getTimestamp("expires_at");
                    return new Coupon(
                            new Pricing.Discount(rs.getString("code"), Pricing.Discount.Kind.valueOf(rs.getString("kind")),
                                    rs.getLong("amount"), rs.getLong("minimum_subtotal")),
                            expires == null ? null : expires.toInstant(),
                            (Integer) rs.getObject("usage_limit"), rs.getInt("uses"));
                })
                .optional();
    }

    /** Takes one use if one is left and the coupon has not expired. */
    boolean claim(String code) {
        return jdbc.sql("""
                        update coupon set uses = uses + 1
                         where code = :code and (usage_limit is null or uses < usage_limit)
                           and (expires_at is null or expires_at > now())
                        """)
                .param("code", code)
                .update() == 1;
    }

    void giveBack(String code) {
        jdbc.sql("update coupon set uses = uses - 1 where code = :code and uses > 0").param("code", code).update();
    }

    void redeemed(String code, UUID checkoutId) {
        jdbc.sql("insert into coupon_redemption (checkout_id, code) values (:checkout, :code) on conflict do nothing")
                .param("checkout", checkoutId)
                .param("code", code)
                .update();
    }

    void create(Pricing.Discount terms, @Nullable Instant expiresAt, @Nullable Integer usageLimit) {
        jdbc.sql("""
                        insert into coupon (code, kind, amount, minimum_subtotal, expires_at, usage_limit)
                        values (:code, :kind, :amount, :minimum, :expiresAt, :limit)
                        on conflict (code) do nothing
                        """)
                .param("code", normalize(terms.code()))
                .param("kind", terms.kind().name())
                .param("amount", terms.amount())
                .param("minimum", terms.minimumSubtotal())
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .param("limit", usageLimit)
                .update();
    }
}
