package dev.cartwright.payment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A refund owed for a payment that completed nothing, as operators see it: why ({@code reason}),
 * how much (minor units of {@code currency}), and where it stands: REFUND_DUE (being sent; next
 * try at {@code nextAttemptAt}), REFUNDED, REFUSED by the provider or DEAD (not sent for the whole
 * retry time), the last two with the provider's or the network's {@code lastError}.
 */
record RefundView(String sessionId, UUID checkoutId, long amount, String currency, Status status,
        PaymentAnomalies.Reason reason, int attempts, @Nullable String lastError, Instant createdAt,
        Instant nextAttemptAt, @Nullable Instant refundedAt) {

    enum Status { REFUND_DUE, REFUNDED, REFUSED, DEAD }
}
