package dev.cartwright.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments to give back ({@code payment_refund}), the outbox of refund calls to the provider:
 * one per paid session, however often its payment is reported, so nothing is refunded twice.
 */
@Repository
class Refunds {

    /** A refund claimed for one try; {@code attempts} counts this one. */
    record Due(String sessionId, long amount, String currency, String idempotencyKey, int attempts, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Duration hold;

    Refunds(JdbcClient jdbc, PaymentSettings settings) {
        this.jdbc = jdbc;
        this.hold = settings.refundHold();
    }

    /**
     * In the transaction that records the anomaly: the refund is due exactly when the anomaly is
     * committed, and first sent once the hold is over.
     */
    void due(PaymentSucceeded paid) {
        jdbc.sql("""
                        insert into payment_refund (session_id, event_id, checkout_id, amount, currency, idempotency_key,
                                                    next_attempt_at)
                        values (:session, :event, :checkout, :amount, :currency, :key,
                                now() + make_interval(secs => :hold))
                        on conflict (session_id) do nothing
                        """)
                .param("session", paid.sessionId())
                .param("event", paid.eventId())
                .param("checkout", paid.checkoutId())
                .param("amount", paid.amount())
                .param("currency", paid.currency())
                .param("key", "refund_" + paid.sessionId())
                .param("hold", hold.toMillis() / 1000.0)
                .update();
    }

    /** Claims the refund due longest, skipping any another node holds, for {@code lease} (see {@link WebhookOutbox#claimNext}). */
    Optional<Due> claimNext(Duration lease) {
        return jdbc.sql("""
                        update payment_refund
                           set next_attempt_at = now() + make_interval(secs => :lease), attempts = attempts + 1,
                               sending_until = now() + make_interval(secs => :lease)
                         where session_id = (select session_id from payment_refund
                                              where status = 'REFUND_DUE' and next_attempt_at <= now()
                                                and (sending_until is null or sending_until < now())
                                              order by next_attempt_at
                                              limit 1
                                                for update skip locked)
                        returning session_id, amount, currency, idempotency_key, attempts, created_at
                        """)
                .param("lease", lease.toSeconds())
                .query(Refunds::due)
                .optional();
    }

    /**
     * Claims this refund for a try now, whatever its schedule, unless it was made or is being sent
     * (by the poller, or another "send now"): an operator's "send now". Answers nothing then, or
     * for a refund that does not exist.
     */
    Optional<Due> claim(String sessionId, Duration lease) {
        return jdbc.sql("""
                        update payment_refund
                           set status = 'REFUND_DUE', next_attempt_at = now() + make_interval(secs => :lease),
                               attempts = attempts + 1, sending_until = now() + make_interval(secs => :lease)
                         where session_id = :id and status <> 'REFUNDED'
                           and (sending_until is null or sending_until < now())
                        returning session_id, amount, currency, idempotency_key, attempts, created_at
                        """)
                .param("id", sessionId)
                .param("lease", lease.toSeconds())
                .query(Refunds::due)
                .optional();
    }

    private static final String VIEW = """
            select r.session_id, r.checkout_id, r.amount, r.currency, r.status, a.reason, r.attempts, r.last_error,
                   r.created_at, r.next_attempt_at, r.refunded_at
              from payment_refund r join payment_anomaly a on a.event_id = r.event_id
            """;

    /** Every refund not made yet (due, refused, dead), oldest first. */
    List<RefundView> unfinished() {
        return jdbc.sql(VIEW + " where r.status <> 'REFUNDED' order by r.created_at, r.session_id")
                .query(Refunds::view)
                .list();
    }

    Optional<RefundView> find(String sessionId) {
        return jdbc.sql(VIEW + " where r.session_id = :id").param("id", sessionId).query(Refunds::view).optional();
    }

    void refunded(String sessionId) {
        finish(sessionId, "REFUNDED", null);
    }

    void refused(String sessionId, String why) {
        finish(sessionId, "REFUSED", why);
    }

    void dead(String sessionId, String why) {
        finish(sessionId, "DEAD", why);
    }

    void retryAt(String sessionId, Instant at, String error) {
        jdbc.sql("""
                        update payment_refund set next_attempt_at = :at, last_error = :error, sending_until = null
                         where session_id = :id and status = 'REFUND_DUE'
                        """)
                .param("id", sessionId)
                .param("at", Timestamp.from(at))
                .param("error", error)
                .update();
    }

    private void finish(String sessionId, String status, @Nullable String error) {
        jdbc.sql("""
                        update payment_refund
                           set status = :status, last_error = :error, sending_until = null,
                               refunded_at = case when :status = 'REFUNDED' then now() end
                         where session_id = :id and status = 'REFUND_DUE'
                        """)
                .param("id", sessionId)
                .param("status", status)
                .param("error", error)
                .update();
    }

    private static RefundView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime refundedAt = rs.getObject("refunded_at", OffsetDateTime.class);
        return new RefundView(rs.getString("session_id"), rs.getObject("checkout_id", UUID.class), rs.getLong("amount"),
                rs.getString("currency"), RefundView.Status.valueOf(rs.getString("status")),
                PaymentAnomalies.Reason.valueOf(rs.getString("reason")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                refundedAt == null ? null : refundedAt.toInstant());
    }

    private static Due due(ResultSet rs, int row) throws SQLException {
        return new Due(rs.getString("session_id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("idempotency_key"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant());
    }
}
