package dev.cartwright.payment;

/**
 * A payment provider with a hosted payment page: the store sends the shopper there, the
 * provider reports the outcome by a signed webhook and sends the shopper back.
 */
public interface PaymentProvider {

    /** Opens a payment session; the shopper pays at its {@code redirectUrl}. */
    PaymentSession start(PaymentRequest request);
}
