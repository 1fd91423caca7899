package dev.cartwright.payment;

import java.util.UUID;

/** Published inside the webhook's transaction, once per provider event id. */
public record PaymentFailed(String eventId, UUID checkoutId, String sessionId, String reason) {}
