/**
 * Orders: what a paid checkout became, one per checkout, shown to the shopper who placed it.
 */
@NullMarked
package dev.cartwright.order;

import org.jspecify.annotations.NullMarked;
