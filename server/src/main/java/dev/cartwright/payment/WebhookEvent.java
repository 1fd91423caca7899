package dev.cartwright.payment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider's webhook body: {@code {"id": "evt_…", "type": "payment.succeeded", "created": <unix
 * seconds>, "data": {…}}}. Types other than the two below are acknowledged and ignored.
 */
record WebhookEvent(String id, String type, long created, Data data) {

    static final String SUCCEEDED = "payment.succeeded";
    static final String FAILED = "payment.failed";

    record Data(String sessionId, UUID checkoutId, long amount, String currency, @Nullable String reason) {}

    /**
     * Whether an event that moves a checkout says which checkout, through which payment session and
     * in what currency: JSON may leave out what the types above promise.
     */
    boolean complete() {
        if (!type.equals(SUCCEEDED) && !type.equals(FAILED)) {
            return true;
        }
        return data != null && data.checkoutId() != null && data.sessionId() != null && !data.sessionId().isBlank()
                && data.currency() != null;
    }
}
