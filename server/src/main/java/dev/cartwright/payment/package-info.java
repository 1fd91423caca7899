/**
 * Taking payment through a provider's hosted page: the provider port, the built-in simulated
 * provider, and the signed webhook through which providers report outcomes.
 */
@NullMarked
package dev.cartwright.payment;

import org.jspecify.annotations.NullMarked;
