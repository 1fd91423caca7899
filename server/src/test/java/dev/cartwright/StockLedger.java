package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The no-oversell bookkeeping, checked from the tables: whatever happened, these add up. */
public final class StockLedger {

    private StockLedger() {}

    public static void assertBalanced(JdbcClient jdbc) {
        assertThat(jdbc.sql("""
                        select count(*) from stock s
                         where s.reserved <> coalesce((select sum(r.quantity) from reservation r where r.product_id = s.product_id), 0)
                        """).query(Long.class).single())
                .as("reserved is the sum of the reservation rows").isZero();
        assertThat(jdbc.sql("""
                        select count(*) from reservation r join checkout c on c.id = r.checkout_id
                         where c.status not in ('RESERVED', 'PAYMENT_PENDING')
                        """).query(Long.class).single())
                .as("only open checkouts hold reservations").isZero();
        assertThat(jdbc.sql("""
                        select count(*) from checkout c join checkout_line l on l.checkout_id = c.id
                         where c.status in ('RESERVED', 'PAYMENT_PENDING')
                           and l.quantity <> coalesce((select r.quantity from reservation r
                                                        where r.checkout_id = c.id and r.product_id = l.product_id), 0)
                        """).query(Long.class).single())
                .as("every open checkout holds exactly its lines").isZero();
        assertThat(jdbc.sql("select count(*) from stock where reserved > on_hand or on_hand < 0").query(Long.class).single())
                .as("nothing oversold").isZero();
    }
}
