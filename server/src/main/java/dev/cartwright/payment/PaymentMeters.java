package dev.cartwright.payment;

import dev.cartwright.platform.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payments' backlogs, read from their outboxes at most once per {@link CachedReading#FRESH_FOR}:
 * webhooks the simulated provider has yet to deliver ({@code cartwright.payment.webhooks.pending})
 * and refunds due, not yet confirmed by the provider ({@code cartwright.payment.refunds.due}).
 */
@Component
class PaymentMeters {

    private record Backlog(long webhooksPending, long refundsDue) {}

    PaymentMeters(MeterRegistry meters, JdbcClient jdbc) {
        CachedReading<Backlog> backlog = new CachedReading<>(() -> jdbc.sql("""
                        select (select count(*) from simulated_webhook_delivery where status = 'PENDING') as webhooks,
                               (select count(*) from payment_refund where status = 'REFUND_DUE') as refunds
                        """)
                .query((rs, row) -> new Backlog(rs.getLong("webhooks"), rs.getLong("refunds")))
                .single());
        Gauge.builder("cartwright.payment.webhooks.pending", backlog, now -> now.get().webhooksPending())
                .description("Webhooks waiting in the simulated provider's outbox").strongReference(true).register(meters);
        Gauge.builder("cartwright.payment.refunds.due", backlog, now -> now.get().refundsDue())
                .description("Refunds due and not yet confirmed by the provider").strongReference(true).register(meters);
    }
}
