/**
 * What every feature stands on: the database (embedded or external), RFC 9457 errors,
 * request limits and idempotency keys.
 */
@NullMarked
package dev.cartwright.platform;

import org.jspecify.annotations.NullMarked;
