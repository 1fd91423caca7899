package dev.cartwright.payment;

/**
 * A payment provider with a hosted payment page: the store sends the shopper there, the
 * provider reports the outcome by a signed webhook and sends the shopper back. Every call may
 * go over the network: callers hold no database connection or lock while one runs, and a call
 * that throws has an unknown outcome and is asked again.
 */
public interface PaymentProvider {

    /** Opens a payment session; the shopper pays at its {@code redirectUrl}. */
    PaymentSession start(PaymentRequest request);

    /** What became of a session, as the provider knows it now; asked when its webhook is late. */
    PaymentStatus status(String sessionId);

    /**
     * Gives the whole payment of a paid session back. A repeat with the same {@code idempotencyKey}
     * refunds nothing more and answers as the first did.
     */
    RefundOutcome refund(String sessionId, long amount, String currency, String idempotencyKey);
}
