package dev.cartwright.payment;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each provider event once. The event id is recorded in the same transaction in which
 * the listeners (checkout) act on it: if they fail, the id is not recorded and the provider's
 * retry applies the event then.
 */
@Service
public class PaymentEvents {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    PaymentEvents(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /**
     * A session the provider, asked, answered as paid: applied as its webhook would be, once per
     * session however often it is asked, in the caller's transaction. The webhook of the same
     * payment, when it comes, finds the checkout paid and changes nothing.
     */
    @Transactional
    public void paidAtProvider(UUID checkoutId, String sessionId, PaymentStatus.Paid paid) {
        apply(new WebhookEvent("status_" + sessionId, WebhookEvent.SUCCEEDED, Instant.now().getEpochSecond(),
                new WebhookEvent.Data(sessionId, checkoutId, paid.amount(), paid.currency(), null)));
    }

    /** False when the event was applied before. */
    @Transactional
    boolean apply(WebhookEvent event) {
        boolean first = jdbc.sql("""
                        insert into payment_event (id, type, checkout_id) values (:id, :type, :checkout)
                        on conflict (id) do nothing
                        """)
                .param("id", event.id())
                .param("type", event.type())
                .param("checkout", event.data() == null ? null : event.data().checkoutId())
                .update() == 1;
        if (!first || event.data() == null) {
            return first;
        }
        WebhookEvent.Data data = event.data();
        switch (event.type()) {
            case WebhookEvent.SUCCEEDED -> publisher.publishEvent(
                    new PaymentSucceeded(event.id(), data.checkoutId(), data.sessionId(), data.amount(), data.currency()));
            case WebhookEvent.FAILED -> publisher.publishEvent(new PaymentFailed(event.id(), data.checkoutId(),
                    data.sessionId(), data.reason() == null ? "failed" : data.reason()));
            default -> { } // providers send many event types; only these two move a checkout
        }
        return true;
    }
}
