package dev.cartwright.platform;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How often the retention jobs run, and how many rows one of their transactions deletes at most. */
@Validated
@ConfigurationProperties("cartwright.retention")
record RetentionSettings(Duration interval, @Min(1) int batchSize) {}
