/**
 * The storefront's pages: the built web app, served with the first page of the catalog and the
 * shopper's cart already inside, so that the first paint needs no spinner.
 */
@NullMarked
package dev.cartwright.storefront;

import org.jspecify.annotations.NullMarked;
