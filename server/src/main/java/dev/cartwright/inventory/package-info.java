/**
 * Stock on hand and reserved, and the rule that what is available never goes below zero.
 */
@NullMarked
package dev.cartwright.inventory;

import org.jspecify.annotations.NullMarked;
