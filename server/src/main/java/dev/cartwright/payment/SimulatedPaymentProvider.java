package dev.cartwright.payment;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in provider, which behaves like a real hosted-payment provider: a session per
 * payment, a page of its own where the shopper pays or declines ({@link HostedPaymentPage}),
 * the outcome reported by a signed webhook over HTTP from its own outbox ({@link WebhookOutbox},
 * {@link WebhookDelivery}), its status on request, and refunds. No money moves: it is the demo's,
 * there only when chosen ({@link PaymentProviders}).
 */
@Service
@Conditional(PaymentProviders.SimulatedChosen.class)
class SimulatedPaymentProvider implements PaymentProvider {

    enum Status { OPEN, PAID, DECLINED, EXPIRED, REFUNDED }

    record Session(String id, UUID checkoutId, long amount, String currency, String method, URI returnUrl,
            Status status, Instant expiresAt) {}

    /** What became of pressing Pay or Decline. */
    sealed interface Completion {
        record Completed(Session session) implements Completion {}

        record Expired(Session session) implements Completion {}

        record AlreadyCompleted(Session session) implements Completion {}

        record Unknown() implements Completion {}
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final WebhookOutbox outbox;

    SimulatedPaymentProvider(JdbcClient jdbc, WebhookOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public PaymentSession start(PaymentRequest request) {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String id = "ps_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("""
                        insert into simulated_payment_session (id, checkout_id, amount, currency, method, return_url, expires_at)
                        values (:id, :checkout, :amount, :currency, :method, :returnUrl, :expiresAt)
                        """)
                .param("id", id)
                .param("checkout", request.checkoutId())
                .param("amount", request.amount())
                .param("currency", request.currency())
                .param("method", request.method())
                .param("returnUrl", request.returnUrl().toString())
                .param("expiresAt", Timestamp.from(request.expiresAt()))
                .update();
        return new PaymentSession(id, URI.create("/pay/" + id));
    }

    Optional<Session> find(String id) {
        return jdbc.sql("select * from simulated_payment_session where id = :id")
                .param("id", id)
                .query(SimulatedPaymentProvider::session)
                .optional();
    }

    @Override
    public PaymentStatus status(String sessionId) {
        return find(sessionId).<PaymentStatus>map(session -> switch (session.status()) {
            case OPEN -> session.expiresAt().isAfter(Instant.now()) ? new PaymentStatus.Open(session.expiresAt())
                    : new PaymentStatus.Closed("expired");
            case PAID -> new PaymentStatus.Paid(session.amount(), session.currency());
            case DECLINED -> new PaymentStatus.Declined();
            case EXPIRED -> new PaymentStatus.Closed("expired");
            case REFUNDED -> new PaymentStatus.Closed("refunded");
        }).orElseGet(() -> new PaymentStatus.Closed("unknown session"));
    }

    /** The whole amount of a paid session, once; the same key again is that refund, answered again. */
    @Override
    @Transactional
    public RefundOutcome refund(String sessionId, long amount, String currency, String idempotencyKey) {
        int refunded = jdbc.sql("""
                        update simulated_payment_session set status = 'REFUNDED', refund_key = :key, refunded_at = now()
                         where id = :id and status = 'PAID' and amount = :amount and currency = :currency
                        """)
                .param("id", sessionId)
                .param("key", idempotencyKey)
                .param("amount", amount)
                .param("currency", currency)
                .update();
        if (refunded == 1) {
            return new RefundOutcome.Refunded();
        }
        return jdbc.sql("select status, refund_key, amount, currency from simulated_payment_session where id = :id")
                .param("id", sessionId)
                .query((rs, row) -> {
                    if (idempotencyKey.equals(rs.getString("refund_key"))) {
                        return (RefundOutcome) new RefundOutcome.Refunded();
                    }
                    if (!rs.getString("status").equals(Status.PAID.name())) {
                        return new RefundOutcome.Refused("the session is " + rs.getString("status"));
                    }
                    return new RefundOutcome.Refused("the session was paid " + rs.getLong("amount") + " "
                            + rs.getString("currency") + ", not " + amount + " " + currency);
                })
                .optional()
                .orElseGet(() -> new RefundOutcome.Refused("no such payment session"));
    }

    /**
     * Completes an open session once; a session past its time can only expire. Its webhook is
     * written in the same transaction, and delivered from there.
     */
    @Transactional
    Completion complete(String id, boolean paid) {
        Optional<Session> completed = jdbc.sql("""
                        update simulated_payment_session set status = :status
                         where id = :id and status = 'OPEN' and expires_at > now()
                        returning *
                        """)
                .param("id", id)
                .param("status", (paid ? Status.PAID : Status.DECLINED).name())
                .query(SimulatedPaymentProvider::session)
                .optional();
        if (completed.isPresent()) {
            outbox.enqueue(event(completed.get(), paid ? null : "declined"));
            return new Completion.Completed(completed.get());
        }
        Optional<Session> expired = jdbc.sql("""
                        update simulated_payment_session set status = 'EXPIRED'
                         where id = :id and status = 'OPEN'
                        returning *
                        """)
                .param("id", id)
                .query(SimulatedPaymentProvider::session)
                .optional();
        if (expired.isPresent()) {
            outbox.enqueue(event(expired.get(), "expired"));
            return new Completion.Expired(expired.get());
        }
        return find(id).<Completion>map(Completion.AlreadyCompleted::new).orElseGet(Completion.Unknown::new);
    }

    private static WebhookEvent event(Session session, @Nullable String failure) {
        return new WebhookEvent("evt_" + UUID.randomUUID().toString().replace("-", ""),
                failure == null ? WebhookEvent.SUCCEEDED : WebhookEvent.FAILED, Instant.now().getEpochSecond(),
                new WebhookEvent.Data(session.id(), session.checkoutId(), session.amount(), session.currency(), failure));
    }

    private static Session session(ResultSet rs, int row) throws SQLException {
        return new Session(rs.getString("id"), rs.getObject("checkout_id", UUID.class), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("method"), URI.create(rs.getString("return_url")),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("expires_at").toInstant());
    }
}
