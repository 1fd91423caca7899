/**
 * The cart: its lines, quantities, selection, totals and version. Every answer is the whole
 * canonical cart, so that clients can replace what they hold by what the server says.
 */
@NullMarked
package dev.cartwright.cart;

import org.jspecify.annotations.NullMarked;
