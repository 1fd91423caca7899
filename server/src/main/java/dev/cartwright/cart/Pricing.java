package dev.cartwright.cart;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The pricing rules, shared with the storefront's optimistic totals. The file
 * {@code spec/pricing-vectors.json} holds cases both implementations must agree on.
 */
public final class Pricing {

    private Pricing() {}

    /** What pricing needs of a line. */
    public record PricedLine(long unitPrice, int quantity, boolean selected) {

        long lineTotal() {
            return Math.multiplyExact(unitPrice, (long) quantity);
        }
    }

    /**
     * A coupon's terms: PERCENT takes {@code amount} percent off (rounded half up to a minor
     * unit), FIXED takes {@code amount} minor units off but never more than the subtotal.
     * Neither applies below {@code minimumSubtotal}.
     */
    public record Discount(String code, Kind kind, long amount, long minimumSubtotal) {

        public enum Kind { PERCENT, FIXED }

        public long of(long subtotal) {
            if (subtotal < minimumSubtotal) {
                return 0;
            }
            return switch (kind) {
                case PERCENT -> (Math.multiplyExact(subtotal, amount) + 50) / 100;
                case FIXED -> Math.min(amount, subtotal);
            };
        }
    }

    /**
     * A shipping method's price to one destination: {@code price} minor units, nothing once the
     * goods cost at least {@code freeFrom} after the discount (never free when it is null).
     */
    public record ShippingRate(long price, @Nullable Long freeFrom) {

        public long of(long discountedSubtotal) {
            return freeFrom != null && discountedSubtotal >= freeFrom ? 0 : price;
        }
    }

    public static long lineTotal(long unitPrice, int quantity) {
        return new PricedLine(unitPrice, quantity, true).lineTotal();
    }

    /** A cart's totals: it has no destination yet, so no shipping. */
    public static CartView.Totals totals(List<PricedLine> lines, String currency, @Nullable Discount discount) {
        return totals(lines, currency, discount, null);
    }

    /** Shipping is priced on the goods after the discount, so a coupon can take an order below the free threshold. */
    public static CartView.Totals totals(List<PricedLine> lines, String currency, @Nullable Discount discount,
            @Nullable ShippingRate shipping) {
        int itemCount = 0;
        int selectedCount = 0;
        long subtotal = 0;
        for (PricedLine line : lines) {
            itemCount += line.quantity();
            if (line.selected()) {
                selectedCount += line.quantity();
                subtotal = Math.addExact(subtotal, line.lineTotal());
            }
        }
        long off = discount == null ? 0 : discount.of(subtotal);
        long goods = subtotal - off;
        long carriage = shipping == null || selectedCount == 0 ? 0 : shipping.of(goods);
        return new CartView.Totals(itemCount, selectedCount, subtotal, off, carriage, Math.addExact(goods, carriage),
                currency);
    }
}
