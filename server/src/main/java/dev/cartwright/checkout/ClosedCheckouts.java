package dev.cartwright.checkout;

import dev.cartwright.platform.RetentionTask;
import dev.cartwright.shopper.GuestsForgotten;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checkouts that ended unpaid (failed, cancelled, expired) hold a shipping address and nothing
 * else of use: they are deleted once their retention has passed, and with a forgotten guest.
 * Paid ones stay with their order. Their reservations were already given back when they closed.
 */
@Component
class ClosedCheckouts implements RetentionTask {

    private static final String UNPAID_CLOSED = "('FAILED', 'CANCELLED', 'EXPIRED')";

    private final JdbcClient jdbc;
    private final Duration retention;

    ClosedCheckouts(JdbcClient jdbc, @Value("${cartwright.checkout.closed-retention}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Override
    public String rows() {
        return "checkouts closed unpaid";
    }

    @Override
    public int forget(int limit) {
        return jdbc.sql("""
                        with doomed as (select id from checkout
                                         where status in\s""" + UNPAID_CLOSED + """
                                           and updated_at < now() - make_interval(secs => :retention)
                                         limit :limit
                                           for update skip locked),
                             lines as (delete from checkout_line where checkout_id in (select id from doomed))
                        delete from checkout where id in (select id from doomed)
                        """)
                .param("retention", retention.toSeconds())
                .param("limit", limit)
                .update();
    }

    /** Before the cart and the guest go: their checkouts point at both. */
    @EventListener
    @Order(1)
    void forget(GuestsForgotten guests) {
        UUID[] ids = guests.shopperIds().toArray(UUID[]::new);
        jdbc.sql("""
                        with doomed as (select id from checkout where shopper_id = any(:ids)
                                           and status in\s""" + UNPAID_CLOSED + """
                                       ),
                             lines as (delete from checkout_line where checkout_id in (select id from doomed))
                        delete from checkout where id in (select id from doomed)
                        """)
                .param("ids", ids)
                .update();
    }
}
