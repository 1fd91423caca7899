package dev.cartwright.shopper;

import java.time.Instant;
import java.util.UUID;

/** What a signed-in browser's cookie says: the account's shopper, the session it opened, and when it was issued. */
record SessionCookie(ShopperId shopper, UUID session, Instant issuedAt) {}
