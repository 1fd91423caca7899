package dev.cartwright.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many products one connection may follow. */
@ConfigurationProperties("cartwright.realtime")
record RealtimeSettings(int maxSubscriptions) {}
