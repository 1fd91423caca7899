package dev.cartwright.shopper;

import java.time.Instant;

/** What a guest's cookie says: who they are and when the cookie was issued. */
record GuestCookie(ShopperId shopper, Instant issuedAt) {}
