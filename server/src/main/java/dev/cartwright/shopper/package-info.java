/**
 * Who is shopping: guests known by a signed HttpOnly cookie, with a row only from their first
 * change, and forgotten after a long absence; signed-in browsers, known by a cookie that names
 * their session.
 */
@NullMarked
package dev.cartwright.shopper;

import org.jspecify.annotations.NullMarked;
