package dev.cartwright.realtime;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which page origins may open /ws besides the service's own (empty: only its own), and how many
 * products one connection may follow.
 */
@ConfigurationProperties("cartwright.realtime")
record RealtimeSettings(List<String> allowedOrigins, int maxSubscriptions) {}
