package dev.cartwright.payment;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * What to charge for a checkout: {@code amount} in minor units of {@code currency}; after paying
 * the shopper returns to {@code returnUrl}; the session may not be paid after {@code expiresAt}.
 */
public record PaymentRequest(UUID checkoutId, long amount, String currency, String method, URI returnUrl,
        Instant expiresAt) {}
