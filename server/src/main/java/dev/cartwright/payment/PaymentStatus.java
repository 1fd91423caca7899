package dev.cartwright.payment;

import java.time.Instant;

/** A payment session as its provider answers about it. */
public sealed interface PaymentStatus {

    /** Not paid yet; the shopper may still pay until {@code expiresAt}. */
    record Open(Instant expiresAt) implements PaymentStatus {}

    /** Paid: this much was taken. */
    record Paid(long amount, String currency) implements PaymentStatus {}

    /** The shopper declined, or the payment was refused; the checkout may be paid again. */
    record Declined() implements PaymentStatus {}

    /** It can never be paid: expired, refunded, or unknown to the provider. */
    record Closed(String why) implements PaymentStatus {}
}
