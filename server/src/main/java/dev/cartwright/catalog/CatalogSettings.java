package dev.cartwright.catalog;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The store's currency (ISO 4217; every price is in its minor units) and whether the demo
 * catalog is seeded into an empty store.
 */
@Validated
@ConfigurationProperties("cartwright.catalog")
public record CatalogSettings(@Pattern(regexp = "[A-Z]{3}") String currency, boolean seedDemo) {}
