package dev.cartwright.checkout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The open checkouts (reserved or being paid) holding units of one product, for the operators' drop view. */
@Repository
class WaitingCheckouts {

    /** {@code quantity}: the units of the product this checkout holds. */
    record Waiting(UUID checkoutId, CheckoutStatus status, int quantity, Instant expiresAt) {}

    /** Most checkouts one answer lists: the soonest to expire are the ones to watch. */
    static final int LIMIT = 500;

    private final JdbcClient jdbc;

    WaitingCheckouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Soonest expiry first. Read through the open checkouts' index, then each one's line of the product. */
    List<Waiting> of(long productId) {
        return jdbc.sql("""
                        select c.id, c.status, l.quantity, c.expires_at
                          from checkout c
                          join checkout_line l on l.checkout_id = c.id and l.product_id = :product
                         where c.status in ('RESERVED', 'PAYMENT_PENDING')
                         order by c.expires_at, c.id
                         limit :limit
                        """)
                .param("product", productId)
                .param("limit", LIMIT)
                .query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), CheckoutStatus.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }
}
