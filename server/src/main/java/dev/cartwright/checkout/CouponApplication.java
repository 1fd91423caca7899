package dev.cartwright.checkout;

import dev.cartwright.cart.CartView;

/** What became of applying a coupon to a cart: applied, with the discount it gives now, or refused. */
sealed interface CouponApplication permits CouponApplication.Applied, CouponCheck.Refused {

    record Applied(String code, long discount, CartView cart) implements CouponApplication {}
}
