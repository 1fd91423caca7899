package dev.cartwright.checkout;

import dev.cartwright.cart.CartView;
import java.util.List;

/** What became of a request to check out the cart's selected lines. */
sealed interface CheckoutOutcome {

    record Created(CheckoutView checkout) implements CheckoutOutcome {}

    record EmptySelection() implements CheckoutOutcome {}

    record CouponRefused(String code, CouponCheck.Refused refusal) implements CheckoutOutcome {}

    /** Nothing was reserved; the cart was lowered to what is available, as {@code cart} shows. */
    record StockConflict(List<Unavailable> unavailable, CartView cart) implements CheckoutOutcome {}

    record Unavailable(long cartItemId, long productId, String name, int requested, int available) {}
}
