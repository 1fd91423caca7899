package dev.cartwright.cart;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How much one cart may hold (units per line and distinct lines), and how long an invitation to it is open. */
@Validated
@ConfigurationProperties("cartwright.cart")
public record CartLimits(@Min(1) int maxQuantityPerLine, @Min(1) int maxLines, @NotNull Duration invitationTtl) {}
