/**
 * Checkout: the state machine from a reserved cart to a paid order, coupons, and the expiry
 * of reservations nobody paid for.
 *
 * <p>The one lock order, which every path follows so that no two transactions wait on each
 * other in a circle: the shopper (an advisory lock, taken only by checking out, paying again
 * after a decline, and signing in, which takes the guest's and then the account's), then the
 * cart, then checkout rows, then stock rows in product-id order (all a transaction needs, in one
 * pass), then the coupon. A path may skip a step but never go
 * back to an earlier one: a payment locks the cart its units leave before the checkout; the
 * sweeper, which needs no cart, expires one checkout per transaction.
 */
@NullMarked
package dev.cartwright.checkout;

import org.jspecify.annotations.NullMarked;
