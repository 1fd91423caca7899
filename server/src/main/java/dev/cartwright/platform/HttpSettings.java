package dev.cartwright.platform;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a request may carry, and the page origins besides the service's own that may
 * change a cart or open /ws (empty: only the service's own).
 */
@Validated
@ConfigurationProperties("cartwright.http")
record HttpSettings(@Min(1024) int maxRequestBytes, List<String> allowedOrigins) {}
