package dev.cartwright.realtime;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much one connection may ask of this node: products it follows, and subscribe messages,
 * {@code subscribeBurst} in a row and then one more per {@code subscribeRefill}.
 */
@Validated
@ConfigurationProperties("cartwright.realtime")
record RealtimeSettings(@Min(1) int maxSubscriptions, @Min(1) int subscribeBurst,
        @DurationMin(nanos = 1) Duration subscribeRefill) {}
