package dev.cartwright.checkout;

import dev.cartwright.cart.Pricing;
import dev.cartwright.catalog.CatalogSettings;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Demo coupons, seeded with the demo catalog: one of each kind a shopper may meet. */
@Component
class DemoCoupons implements ApplicationRunner {

    private final Coupons coupons;
    private final boolean seed;

    DemoCoupons(Coupons coupons, CatalogSettings catalog) {
        this.coupons = coupons;
        this.seed = catalog.seedDemo();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!seed) {
            return;
        }
        coupons.create(new Pricing.Discount("WELCOME10", Pricing.Discount.Kind.PERCENT, 10, 0), null, null);
        coupons.create(new Pricing.Discount("FIVEOFF", Pricing.Discount.Kind.FIXED, 500, 2500), null, null);
        coupons.create(new Pricing.Discount("SUMMER24", Pricing.Discount.Kind.PERCENT, 20, 0),
                Instant.parse("2024-09-01T00:00:00Z"), null);
        coupons.create(new Pricing.Discount("FIRST5", Pricing.Discount.Kind.FIXED, 1000, 0), null, 5);
    }
}
