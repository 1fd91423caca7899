package dev.cartwright.checkout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a checkout holds its stock unpaid, and how often expired ones are swept. */
@ConfigurationProperties("cartwright.checkout")
record CheckoutSettings(Duration reservationTtl, Duration sweepInterval) {}
