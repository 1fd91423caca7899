package dev.cartwright.checkout;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a checkout holds its stock unpaid, how often expired ones are swept, how many
 * checkouts one shopper may hold open at once (so that no one can hoard the stock), and how long
 * past its payment session's own expiry a checkout being paid still waits for the provider's word.
 */
@Validated
@ConfigurationProperties("cartwright.checkout")
record CheckoutSettings(Duration reservationTtl, Duration sweepInterval, @Min(1) int maxOpenCheckouts,
        Duration paymentGrace) {}
