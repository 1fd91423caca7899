/**
 * Who is shopping: guests known by a signed HttpOnly cookie, with a row only from their first
 * change, and forgotten after a long absence.
 */
@NullMarked
package dev.cartwright.shopper;

import org.jspecify.annotations.NullMarked;
