package dev.cartwright.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many cart changes, new checkouts and telemetry reports one shopper, and one client address, may make per
 * {@code period}: a token bucket that holds that many and refills them evenly over the period.
 * Off ({@code enabled=false}) for load tests that send everything from one address.
 */
@Validated
@ConfigurationProperties("cartwright.rate-limit")
record RateLimitSettings(boolean enabled, Duration period, @Valid Limits cart, @Valid Limits checkouts,
        @Valid Limits telemetry) {

    /** An address carries many shoppers behind one NAT, so its limit is the higher one. */
    record Limits(@Min(1) int perShopper, @Min(1) int perAddress) {}
}
