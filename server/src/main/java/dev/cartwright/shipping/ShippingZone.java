package dev.cartwright.shipping;

import java.util.Set;

/** Where a parcel goes, seen from the shop's own country: its rates differ by zone. */
public enum ShippingZone {
    DOMESTIC, EU, WORLD;

    /** The member states of the European Union (ISO 3166-1 alpha-2), within whose customs union parcels travel freely. */
    private static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    static ShippingZone of(String country, String homeCountry) {
        if (country.equals(homeCountry)) {
            return DOMESTIC;
        }
        return EU_MEMBERS.contains(country) && EU_MEMBERS.contains(homeCountry) ? EU : WORLD;
    }
}
