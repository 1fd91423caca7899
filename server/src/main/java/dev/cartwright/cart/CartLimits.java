package dev.cartwright.cart;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How much one cart may hold: units per line and distinct lines. */
@Validated
@ConfigurationProperties("cartwright.cart")
public record CartLimits(@Min(1) int maxQuantityPerLine, @Min(1) int maxLines) {}
