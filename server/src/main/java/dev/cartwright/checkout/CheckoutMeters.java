package dev.cartwright.checkout;

import dev.cartwright.platform.AfterCommit;
import dev.cartwright.platform.CachedReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checkouts' metrics: what each request to check out became ({@code cartwright.checkouts}),
 * sales ({@code cartwright.checkouts.paid}) and stock given back ({@code cartwright.checkouts.released}),
 * counted after their commit; and, read from the database at most once per
 * {@link CachedReading#FRESH_FOR}, the checkouts holding stock ({@code cartwright.checkouts.open})
 * and how far the sweeper is behind ({@code cartwright.reservations.sweeper.lag}, seconds).
 */
@Component
class CheckoutMeters {

    /** What a request to check out became; the tag values of {@code cartwright.checkouts}. */
    enum Outcome { RESERVED, STOCK_CONFLICT, COUPON_REFUSED, RESERVATION_LIMIT, EMPTY_SELECTION, UNKNOWN_SHIPPING_METHOD }

    /** Every node reads the same rows: the series agree across nodes (take their max, not their sum). */
    private record Open(long reserved, long paymentPending, double oldestOverdueSeconds) {}

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<CheckoutStatus, Counter> released = new EnumMap<>(CheckoutStatus.class);
    private final Counter paid;

    CheckoutMeters(MeterRegistry meters, JdbcClient jdbc) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("cartwright.checkouts").description("Requests to check out, by what they became")
                    .tag("outcome", tag(outcome)).register(meters));
        }
        for (CheckoutStatus status : new CheckoutStatus[] {CheckoutStatus.CANCELLED, CheckoutStatus.FAILED, CheckoutStatus.EXPIRED}) {
            released.put(status, Counter.builder("cartwright.checkouts.released")
                    .description("Checkouts that gave their stock back, by why").tag("status", tag(status)).register(meters));
        }
        paid = Counter.builder("cartwright.checkouts.paid").description("Checkouts paid: their reservation became a sale")
                .register(meters);
        CachedReading<Open> open = new CachedReading<>(() -> read(jdbc));
        Gauge.builder("cartwright.checkouts.open", open, reading -> reading.get().reserved())
                .description("Checkouts holding stock, by status").strongReference(true).tag("status", "reserved").register(meters);
        Gauge.builder("cartwright.checkouts.open", open, reading -> reading.get().paymentPending())
                .description("Checkouts holding stock, by status").strongReference(true).tag("status", "payment_pending").register(meters);
        Gauge.builder("cartwright.reservations.sweeper.lag", open, reading -> reading.get().oldestOverdueSeconds())
                .description("How long the oldest checkout past its time has waited for the sweeper")
                .baseUnit("seconds").strongReference(true).register(meters);
    }

    void answered(Outcome outcome) {
        AfterCommit.run(outcomes.get(outcome)::increment);
    }

    void paid() {
        AfterCommit.run(paid::increment);
    }

    void released(CheckoutStatus status) {
        AfterCommit.run(released.get(status)::increment);
    }

    private static Open read(JdbcClient jdbc) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'RESERVED') as reserved,
                               count(*) filter (where status = 'PAYMENT_PENDING') as payment_pending,
                               coalesce(extract(epoch from now() - min(expires_at) filter (where expires_at < now())), 0) as lag
                          from checkout
                         where status in ('RESERVED', 'PAYMENT_PENDING')
                        """)
                .query((rs, row) -> new Open(rs.getLong("reserved"), rs.getLong("payment_pending"), rs.getDouble("lag")))
                .single();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
