package dev.cartwright.shopper;

/**
 * A guest signed up or signed in: what they did as a guest becomes the account's. Published inside
 * the transaction that signs them in, after their cart was merged and their checkouts adopted (which
 * answer what they cancelled, so the sign-in calls them), so each feature moves what it keeps of the
 * guest to the account in that transaction (and in the one lock order: carts first).
 */
public record GuestSignedIn(ShopperId guest, ShopperId account) {}
