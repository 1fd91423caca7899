package dev.cartwright.shopper;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cookieRefresh}: how old a guest's cookie may be before the service checks the guest
 * still exists and issues a new one. {@code guestRetention}: how long a guest with no orders
 * and nothing open may stay away before they and their cart are forgotten.
 */
@Validated
@ConfigurationProperties("cartwright.shopper")
record ShopperSettings(Duration cookieRefresh, Duration guestRetention) {

    /** A cookie trusted without a lookup must never name a forgotten guest. */
    @AssertTrue(message = "CARTWRIGHT_GUEST_RETENTION must be at least twice the cookie refresh interval")
    boolean isRetentionLongerThanRefresh() {
        return guestRetention.compareTo(cookieRefresh.multipliedBy(2)) >= 0;
    }
}
