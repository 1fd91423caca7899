package dev.cartwright.payment;

import java.util.UUID;

/** Published inside the webhook's transaction, once per provider event id. */
public record PaymentSucceeded(String eventId, UUID checkoutId, String sessionId, long amount, String currency) {}
