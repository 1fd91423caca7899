/**
 * Shipping: the methods a shop ships by, their price to each destination zone, and the free
 * threshold. Checkout prices its totals with these rates; the storefront shows them beforehand.
 */
@NullMarked
package dev.cartwright.shipping;

import org.jspecify.annotations.NullMarked;
