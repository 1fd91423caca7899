package dev.cartwright.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many sign-ins (and sign-ups, which can guess a password too) may be tried per
 * {@code signInPeriod}: of one email from one client address, from one client address, and of one
 * email from all addresses together. Each is a token bucket that holds that many and refills them
 * evenly over the period. {@code rateLimit} false turns them off with the other limits.
 */
@Validated
@ConfigurationProperties("cartwright.account")
record AccountSettings(boolean rateLimit, @NotNull Duration signInPeriod, @Min(1) int signInsPerAccountAndAddress,
        @Min(1) int signInsPerAddress, @Min(1) int signInsPerAccount) {}
