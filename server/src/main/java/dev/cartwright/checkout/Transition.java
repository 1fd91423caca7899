package dev.cartwright.checkout;

import java.net.URI;
import java.util.List;

/** What became of a request to move a checkout on: start paying for it (again, after a decline), or cancel it. */
sealed interface Transition {

    record PaymentStarted(URI redirectUrl) implements Transition {}

    record Cancelled(CheckoutView checkout) implements Transition {}

    /** The coupon was used up or expired before payment began; the checkout now costs the full price. */
    record CouponWithdrawn(String code, CheckoutView checkout) implements Transition {}

    /** A declined checkout's stock could not be had again; nothing was reserved, and the cart is as it was. */
    record StockGone(List<CheckoutOutcome.Unavailable> unavailable) implements Transition {}

    /** Paying again after a decline would take the shopper over a reservation cap; nothing was reserved. */
    record ReservationLimited(CheckoutOutcome.ReservationLimit limit) implements Transition {}

    record NotFound() implements Transition {}

    record IllegalState(CheckoutStatus status, String attempted) implements Transition {}
}
