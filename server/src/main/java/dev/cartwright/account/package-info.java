/**
 * Accounts: sign-up, sign-in and sign-out with an email and a password, and what becomes of a
 * guest's cart, checkouts and orders when they sign in.
 */
@NullMarked
package dev.cartwright.account;

import org.jspecify.annotations.NullMarked;
