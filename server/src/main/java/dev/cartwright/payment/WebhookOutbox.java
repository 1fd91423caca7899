package dev.cartwright.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated provider's webhooks still to deliver ({@code simulated_webhook_delivery}). A
 * webhook is written in the transaction that changes its session, so neither exists without the
 * other, and it waits here, whatever crashes, until the shop acknowledges it.
 */
@Repository
@Conditional(PaymentProviders.SimulatedChosen.class)
class WebhookOutbox {

    /** A webhook claimed for one try; {@code attempts} counts this one. */
    record Due(String eventId, String body, int attempts, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Joins the caller's transaction: the webhook leaves only if what it reports is committed. */
    void enqueue(WebhookEvent event) {
        jdbc.sql("insert into simulated_webhook_delivery (event_id, body) values (:id, :body)")
                .param("id", event.id())
                .param("body", json.writeValueAsString(event))
                .update();
    }

    /**
     * Claims the webhook due longest, skipping any another node holds, for {@code lease}: it is
     * not due again before then, so a node that dies while sending leaves it for the others.
     */
    Optional<Due> claimNext(Duration lease) {
        return jdbc.sql("""
                        update simulated_webhook_delivery
                           set next_attempt_at = now() + make_interval(secs => :lease), attempts = attempts + 1
                         where event_id = (select event_id from simulated_webhook_delivery
                                            where status = 'PENDING' and next_attempt_at <= now()
                                            order by next_attempt_at
                                            limit 1
                                              for update skip locked)
                        returning event_id, body, attempts, created_at
                        """)
                .param("lease", lease.toSeconds())
                .query(WebhookOutbox::due)
                .optional();
    }

    void delivered(String eventId) {
        jdbc.sql("""
                        update simulated_webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_error = null
                         where event_id = :id and status = 'PENDING'
                        """)
                .param("id", eventId)
                .update();
    }

    void retryAt(String eventId, Instant at, String error) {
        jdbc.sql("""
                        update simulated_webhook_delivery set next_attempt_at = :at, last_error = :error
                         where event_id = :id and status = 'PENDING'
                        """)
                .param("id", eventId)
                .param("at", Timestamp.from(at))
                .param("error", error)
                .update();
    }

    void dead(String eventId, String error) {
        jdbc.sql("update simulated_webhook_delivery set status = 'DEAD', last_error = :error where event_id = :id and status = 'PENDING'")
                .param("id", eventId)
                .param("error", error)
                .update();
    }

    private static Due due(ResultSet rs, int row) throws SQLException {
        return new Due(rs.getString("event_id"), rs.getString("body"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}
