package dev.cartwright.checkout;

import dev.cartwright.cart.CartView;
import dev.cartwright.order.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A checkout as its shopper sees it: what it holds until {@code expiresAt}, for how much, and,
 * once paid, the order it became.
 */
public record CheckoutView(UUID id, CheckoutStatus status, Instant expiresAt, List<Line> lines, CartView.Totals totals,
        @Nullable String couponCode, ShippingAddress shippingAddress, @Nullable UUID orderId) {

    public record Line(long cartItemId, long productId, String name, long unitPrice, int quantity, long lineTotal) {}
}
