package dev.cartwright.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a stored response answers a repeated Idempotency-Key. */
@ConfigurationProperties("cartwright.idempotency")
record IdempotencySettings(Duration retention) {}
