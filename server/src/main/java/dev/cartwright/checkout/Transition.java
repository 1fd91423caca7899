package dev.cartwright.checkout;

import java.net.URI;

/** What became of a request to move a checkout on: start paying for it, or cancel it. */
sealed interface Transition {

    record PaymentStarted(URI redirectUrl) implements Transition {}

    record Cancelled(CheckoutView checkout) implements Transition {}

    /** The coupon was used up or expired before payment began; the checkout now costs the full price. */
    record CouponWithdrawn(String code, CheckoutView checkout) implements Transition {}

    record NotFound() implements Transition {}

    record IllegalState(CheckoutStatus status, String attempted) implements Transition {}
}
