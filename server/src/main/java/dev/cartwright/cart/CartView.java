package dev.cartwright.cart;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The whole canonical cart as every cart answer carries it. {@code version} grows by one with
 * every applied change, so a client can tell which of two carts is newer. {@code coupon} carries
 * the terms of the applied coupon, so that a client prices its optimistic changes as the server will.
 * {@code members} counts the shoppers who use the cart: its owner and those who joined it.
 */
public record CartView(UUID id, long version, List<Line> items, Totals totals, @Nullable String couponCode,
        Pricing.@Nullable Discount coupon, int members) {

    /** One line; {@code available} is the product's live stock, {@code lineTotal} its price times quantity. */
    @Schema(name = "CartLine")
    public record Line(long id, long productId, String name, long unitPrice, int quantity, boolean selected,
            int available, long lineTotal) {}

    /**
     * Counts are units, not lines: {@code itemCount} of every line, {@code selectedCount} of the
     * selected ones. Money is in minor units; subtotal, discount and total are of the selected lines,
     * {@code total = subtotal - discount + shipping}. A cart's shipping is 0: it is priced at
     * checkout, where the destination and the method are chosen.
     */
    public record Totals(int itemCount, int selectedCount, long subtotal, long discount, long shipping, long total,
            String currency) {}
}
