package dev.cartwright.checkout;

import dev.cartwright.cart.Pricing;

/** Whether a coupon can be used on a cart now, and if not, why. */
sealed interface CouponCheck {

    record Usable(Pricing.Discount terms, long discount) implements CouponCheck {}

    record Refused(Reason reason, long minimumSubtotal) implements CouponCheck, CouponApplication {}

    enum Reason { UNKNOWN, EXPIRED, USED_UP, MINIMUM_NOT_MET }
}
