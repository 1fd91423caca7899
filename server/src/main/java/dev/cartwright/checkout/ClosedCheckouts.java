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

    /** Closed unpaid, and no payment for it needs a refund or a look (payment_anomaly): those stay for the operator. */
    private static final String DELETABLE = """
            status in ('FAILED', 'CANCELLED', 'EXPIRED')
            and not exists (select 1 from payment_anomaly a where a.checkout_id = checkout.id)""";

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
                                         where\s""" + DELETABLE + """
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
                        with doomed as (select id from checkout where shopper_id = any(:ids) and\s""" + DELETABLE + """
                                       ),
                             lines as (delete from checkout_line where checkout_id in (select id from doomed))
                        delete from checkout where id in (select id from doomed)
                        """)
                .param("ids", ids)
                .update();
    }
}
