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

    public static long lineTotal(long unitPrice, int quantity) {
        return new PricedLine(unitPrice, quantity, true).lineTotal();
    }

    public static CartView.Totals totals(List<PricedLine> lines, String currency, @Nullable Discount discount) {
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
        return new CartView.Totals(itemCount, selectedCount, subtotal, off, subtotal - off, currency);
    }
}
