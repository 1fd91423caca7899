/**
 * Checkout: the state machine from a reserved cart to a paid order, coupons, and the expiry
 * of reservations nobody paid for.
 */
@NullMarked
package dev.cartwright.checkout;

import org.jspecify.annotations.NullMarked;
