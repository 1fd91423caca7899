/**
 * Who is shopping: guests known by an HttpOnly cookie holding a random token, of which only
 * the hash is stored.
 */
@NullMarked
package dev.cartwright.shopper;

import org.jspecify.annotations.NullMarked;
