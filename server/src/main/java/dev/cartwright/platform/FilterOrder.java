package dev.cartwright.platform;

import org.springframework.core.Ordered;

/** The order of the API's servlet filters: the body is bounded, then the shopper known, then keys checked. */
public final class FilterOrder {

    public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 100;
    public static final int SHOPPER = BODY_LIMIT + 10;
    public static final int IDEMPOTENCY = SHOPPER + 10;

    private FilterOrder() {}
}
