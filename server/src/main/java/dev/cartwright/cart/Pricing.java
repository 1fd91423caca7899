package dev.cartwright.cart;

import java.util.List;

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

    public static long lineTotal(long unitPrice, int quantity) {
        return new PricedLine(unitPrice, quantity, true).lineTotal();
    }

    public static CartView.Totals totals(List<PricedLine> lines, String currency) {
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
        // Coupons (a discount) arrive with checkout; until then the total is the subtotal.
        return new CartView.Totals(itemCount, selectedCount, subtotal, 0, subtotal, currency);
    }
}
