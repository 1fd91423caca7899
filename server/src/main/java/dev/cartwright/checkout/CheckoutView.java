package dev.cartwright.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.cartwright.cart.CartView;
import dev.cartwright.order.ShippingAddress;
import dev.cartwright.shipping.ShippingMethod;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A checkout as its shopper sees it: what it holds until {@code expiresAt}, for how much (with
 * shipping by {@code shippingMethod} in the totals), whether {@code POST …/payment} may be asked
 * for it now ({@code payable}: reserved, being paid, or declined and to be tried again), and,
 * once paid, the order it became.
 */
public record CheckoutView(UUID id, CheckoutStatus status, Instant expiresAt, List<Line> lines, CartView.Totals totals,
        @Nullable String couponCode, ShippingAddress shippingAddress, ShippingMethod shippingMethod, boolean payable,
        @Nullable UUID orderId) {

    @Schema(name = "CheckoutLine")
    public record Line(long cartItemId, long productId, String name, long unitPrice, int quantity, long lineTotal) {}
}
