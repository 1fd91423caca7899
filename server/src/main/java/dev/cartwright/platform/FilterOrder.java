package dev.cartwright.platform;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

/**
 * The order of the service's servlet filters. Spring Security's chain comes first, so that
 * every later filter sees only requests its firewall let through; then the body is bounded,
 * the shopper known, their pace checked (before keys, so that a refused request stores nothing),
 * a request that lost a race to another run again, and keys checked.
 */
public final class FilterOrder {

    public static final int BODY_LIMIT = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;
    public static final int SHOPPER = BODY_LIMIT + 10;
    public static final int RATE_LIMIT = SHOPPER + 10;
    /** Outside the idempotency filter's transaction, so that each run is a transaction of its own. */
    public static final int RETRY = RATE_LIMIT + 5;
    public static final int IDEMPOTENCY = RATE_LIMIT + 10;

    private FilterOrder() {}
}
