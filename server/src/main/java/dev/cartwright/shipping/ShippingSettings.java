package dev.cartwright.shipping;

import dev.cartwright.order.IsoCountry;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The country the shop ships from, which decides every destination's zone, and from how much
 * (in minor units, after the discount) Standard shipping costs nothing at home and in the EU.
 */
@Validated
@ConfigurationProperties("cartwright.shipping")
record ShippingSettings(@IsoCountry String homeCountry, @Min(0) long freeFrom) {}
