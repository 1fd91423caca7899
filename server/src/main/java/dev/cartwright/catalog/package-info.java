/**
 * The products on sale: names, prices, pictures, search and cursor pages, each with its live
 * available count.
 */
@NullMarked
package dev.cartwright.catalog;

import org.jspecify.annotations.NullMarked;
