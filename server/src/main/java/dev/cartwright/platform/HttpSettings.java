package dev.cartwright.platform;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Limits on what a request may carry. */
@Validated
@ConfigurationProperties("cartwright.http")
record HttpSettings(@Min(1024) int maxRequestBytes) {}
