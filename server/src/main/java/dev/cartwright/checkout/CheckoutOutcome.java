package dev.cartwright.checkout;

import dev.cartwright.cart.CartView;
import java.util.List;
import java.util.UUID;

/** What became of a request to check out the cart's selected lines. */
sealed interface CheckoutOutcome {

    record Created(CheckoutView checkout) implements CheckoutOutcome {}

    record EmptySelection() implements CheckoutOutcome {}

    record CouponRefused(String code, CouponCheck.Refused refusal) implements CheckoutOutcome {}

    /** Nothing was reserved; the cart was lowered to what is available, as {@code cart} shows. */
    record StockConflict(List<Unavailable> unavailable, CartView cart) implements CheckoutOutcome {}

    /** Nothing was reserved: with this checkout the shopper would hold more than one shopper may. */
    sealed interface ReservationLimit extends CheckoutOutcome {

        /** The shopper's checkouts that hold stock now, to pay for or cancel. */
        List<UUID> openCheckouts();
    }

    record TooManyCheckouts(int limit, List<UUID> openCheckouts) implements ReservationLimit {}

    /** {@code held} units of the product are in the shopper's other open checkouts already. */
    record TooManyUnits(long productId, String name, int held, int requested, int limit, List<UUID> openCheckouts)
            implements ReservationLimit {}

    record Unavailable(long cartItemId, long productId, String name, int requested, int available) {}
}
