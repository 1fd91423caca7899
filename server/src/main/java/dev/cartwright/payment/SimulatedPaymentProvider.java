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
 * and the outcome reported by a signed webhook over HTTP ({@link WebhookDelivery}). No money
 * moves: it is the demo's, there only when chosen ({@link PaymentProviders}).
 */
@Service
@Conditional(PaymentProviders.SimulatedChosen.class)
class SimulatedPaymentProvider implements PaymentProvider {

    enum Status { OPEN, PAID, DECLINED, EXPIRED }

    record Session(String id, UUID checkoutId, long amount, String currency, String method, URI returnUrl,
            Status status, Instant expiresAt) {}

    /** What became of pressing Pay or Decline. */
    sealed interface Completion {
        record Completed(Session session, WebhookEvent event) implements Completion {}

        record Expired(Session session, WebhookEvent event) implements Completion {}

        record AlreadyCompleted(Session session) implements Completion {}

        record Unknown() implements Completion {}
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    SimulatedPaymentProvider(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Completes an open session once; a session past its time can only expire. */
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
            Session session = completed.get();
            return new Completion.Completed(session, event(session, paid ? null : "declined"));
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
            return new Completion.Expired(expired.get(), event(expired.get(), "expired"));
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
