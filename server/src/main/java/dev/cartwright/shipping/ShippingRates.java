package dev.cartwright.shipping;

import dev.cartwright.cart.Pricing;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What each method costs to each zone, in minor units of the shop's currency. The table is code,
 * not configuration: it follows the carriers' contracts, changes with a release that its tests
 * check, and a checkout keeps the price it was made with, so a new table changes no order.
 */
@Component
public class ShippingRates {

    /** One method's terms to one zone: its price, whether the free threshold applies, and its delivery time in working days. */
    private record Tariff(long price, boolean freeAboveThreshold, int minDays, int maxDays) {}

    private static final Map<ShippingZone, Map<ShippingMethod, Tariff>> TABLE = Map.of(
            ShippingZone.DOMESTIC, Map.of(
                    ShippingMethod.STANDARD, new Tariff(490, true, 2, 3),
                    ShippingMethod.EXPRESS, new Tariff(990, false, 1, 1)),
            ShippingZone.EU, Map.of(
                    ShippingMethod.STANDARD, new Tariff(990, true, 3, 6),
                    ShippingMethod.EXPRESS, new Tariff(1990, false, 1, 2)),
            ShippingZone.WORLD, Map.of(
                    ShippingMethod.STANDARD, new Tariff(1990, false, 6, 14),
                    ShippingMethod.EXPRESS, new Tariff(3990, false, 2, 4)));

    private final ShippingSettings settings;

    ShippingRates(ShippingSettings settings) {
        this.settings = settings;
    }

    public ShippingZone zoneOf(String country) {
        return ShippingZone.of(country, settings.homeCountry());
    }

    /** The method's rate to the country, as pricing takes it. */
    public Pricing.ShippingRate rate(ShippingMethod method, String country) {
        Tariff tariff = TABLE.get(zoneOf(country)).get(method);
        return new Pricing.ShippingRate(tariff.price(), tariff.freeAboveThreshold() ? settings.freeFrom() : null);
    }

    /** Every method to the country, priced for goods worth {@code discountedSubtotal}. */
    List<ShippingOption> options(String country, long discountedSubtotal) {
        Map<ShippingMethod, Tariff> zone = TABLE.get(zoneOf(country));
        return Arrays.stream(ShippingMethod.values())
                .map(method -> {
                    Tariff tariff = zone.get(method);
                    Pricing.ShippingRate rate = rate(method, country);
                    return new ShippingOption(method, method.label(), rate.of(discountedSubtotal), rate,
                            tariff.minDays(), tariff.maxDays());
                })
                .toList();
    }
}
