package dev.cartwright.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments a provider reported that did not complete their checkout, kept in the database so
 * that an operator finds every one ({@code payment_anomaly}). Money was taken for nothing, so each
 * makes its payment's refund due ({@link Refunds}). Recorded in the webhook's transaction: the
 * event, its anomaly and the refund commit together, once.
 */
@Repository
public class PaymentAnomalies {

    /** Why a reported payment did not complete its checkout. */
    public enum Reason {
        /** The event names a checkout this shop does not have. */
        UNKNOWN_CHECKOUT,
        /** The event's payment session is not the one the checkout is being paid through. */
        SESSION_MISMATCH,
        /** Another amount or currency was paid than the checkout costs. */
        AMOUNT_MISMATCH,
        /** The payment came after the checkout gave its stock back, and the stock or coupon is gone. */
        ARRIVED_TOO_LATE
    }

    private final JdbcClient jdbc;
    private final Refunds refunds;

    PaymentAnomalies(JdbcClient jdbc, Refunds refunds) {
        this.jdbc = jdbc;
        this.refunds = refunds;
    }

    /** {@code expected} is what the checkout needed, {@code arrived} what the provider reported instead. */
    public void record(PaymentSucceeded paid, Reason reason, String expected, String arrived) {
        jdbc.sql("""
                        insert into payment_anomaly (event_id, checkout_id, reason, expected, arrived, session_id, amount, currency)
                        values (:event, :checkout, :reason, :expected, :arrived, :session, :amount, :currency)
                        """)
                .param("event", paid.eventId())
                .param("checkout", paid.checkoutId())
                .param("reason", reason.name())
                .param("expected", expected)
                .param("arrived", arrived)
                .param("session", paid.sessionId())
                .param("amount", paid.amount())
                .param("currency", paid.currency())
                .update();
        refunds.due(paid);
    }
}
