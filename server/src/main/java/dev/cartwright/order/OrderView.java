package dev.cartwright.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as its shopper sees it. Money in minor units of {@code currency};
 * {@code total = subtotal - discount + shipping}, shipping being the price paid for {@code shippingMethod}.
 */
public record OrderView(UUID id, UUID checkoutId, String status, List<Line> lines, long subtotal, long discount,
        long shipping, long total, String currency, @Nullable String couponCode, ShippingAddress shippingAddress,
        String shippingMethod, Instant createdAt) {

    @Schema(name = "OrderLine")
    public record Line(long productId, String name, long unitPrice, int quantity, long lineTotal) {}
}
