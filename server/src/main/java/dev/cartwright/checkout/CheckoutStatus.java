package dev.cartwright.checkout;

import java.util.Set;

/** RESERVED → PAYMENT_PENDING → PAID, or FAILED, CANCELLED, EXPIRED. Only the first two hold stock. */
public enum CheckoutStatus {
    RESERVED, PAYMENT_PENDING, PAID, FAILED, CANCELLED, EXPIRED;

    static final Set<CheckoutStatus> OPEN = Set.of(RESERVED, PAYMENT_PENDING);

    boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether a payment may be asked for: a declined checkout is paid again, the same one; one being paid answers its page. */
    boolean isPayable() {
        return this == RESERVED || this == PAYMENT_PENDING || this == FAILED;
    }
}
